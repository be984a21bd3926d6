namespace Enc.Crypto.Tests.Merkle;

/// <summary>
/// A naive transcription of RFC 9162 §2.1 (MTH, PATH, PROOF/SUBPROOF) as written: recursion over leaf-hash
/// ranges, used to cross-check the planner, appender and verifier. Subtree heads are memoized per range
/// so the full 1..300 sweep stays fast; the recursion itself is the RFC's.
/// </summary>
internal sealed class ReferenceMerkleTree
{
    private readonly byte[][] _leafHashes;
    private readonly Dictionary<(int, int), byte[]> _heads = [];

    public ReferenceMerkleTree(byte[][] leafHashes) => _leafHashes = leafHashes;

    public static ReferenceMerkleTree WithLeaves(int count) =>
        new([.. Enumerable.Range(0, count).Select(i => Enc.Crypto.Merkle.MerkleHasher.LeafHash(BitConverter.GetBytes(i)))]);

    public byte[] LeafHash(int index) => _leafHashes[index];

    /// <summary>MTH(D[lo:hi]).</summary>
    public byte[] Head(int lo, int hi)
    {
        if (hi == lo)
        {
            return Enc.Crypto.Merkle.MerkleHasher.EmptyRoot.ToArray();
        }

        if (hi - lo == 1)
        {
            return _leafHashes[lo];
        }

        if (_heads.TryGetValue((lo, hi), out var cached))
        {
            return cached;
        }

        var k = SplitPoint(hi - lo);
        var head = Enc.Crypto.Merkle.MerkleHasher.NodeHash(Head(lo, lo + k), Head(lo + k, hi));
        _heads[(lo, hi)] = head;
        return head;
    }

    /// <summary>PATH(m, D[lo:hi]).</summary>
    public List<byte[]> Path(int m, int lo, int hi)
    {
        if (hi - lo == 1)
        {
            return [];
        }

        var k = SplitPoint(hi - lo);
        if (m < k)
        {
            var path = Path(m, lo, lo + k);
            path.Add(Head(lo + k, hi));
            return path;
        }
        else
        {
            var path = Path(m - k, lo + k, hi);
            path.Add(Head(lo, lo + k));
            return path;
        }
    }

    /// <summary>PROOF(m, D[0:n]).</summary>
    public List<byte[]> Proof(int m, int n) => m == 0 ? [] : SubProof(m, 0, n, true);

    private List<byte[]> SubProof(int m, int lo, int hi, bool b)
    {
        var n = hi - lo;
        if (m == n)
        {
            return b ? [] : [Head(lo, hi)];
        }

        var k = SplitPoint(n);
        if (m <= k)
        {
            var proof = SubProof(m, lo, lo + k, b);
            proof.Add(Head(lo + k, hi));
            return proof;
        }
        else
        {
            var proof = SubProof(m - k, lo + k, hi, false);
            proof.Add(Head(lo, lo + k));
            return proof;
        }
    }

    /// <summary>The largest power of two smaller than n.</summary>
    private static int SplitPoint(int n)
    {
        var k = 1;
        while (k << 1 < n)
        {
            k <<= 1;
        }

        return k;
    }
}
