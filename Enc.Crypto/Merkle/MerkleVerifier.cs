using System.Numerics;

namespace Enc.Crypto.Merkle;

/// <summary>
/// Verifies RFC 9162 inclusion proofs (§2.1.3.2) and consistency proofs (§2.1.4.2). Every method returns
/// <c>false</c> for a proof that does not verify, including malformed input (wrong hash lengths, an index
/// outside the tree, a proof of the wrong length); none throws for bad proofs.
/// </summary>
public static class MerkleVerifier
{
    /// <summary>
    /// True when <paramref name="proof"/> shows that the leaf with hash <paramref name="leafHash"/> sits at
    /// <paramref name="leafIndex"/> in the tree of <paramref name="treeSize"/> leaves whose head is <paramref name="root"/>.
    /// </summary>
    public static bool VerifyInclusion(long leafIndex, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        Span<byte> computed = stackalloc byte[MerkleHasher.HashSize];
        return root.Length == MerkleHasher.HashSize
            && TryComputeInclusionRoot(leafIndex, treeSize, leafHash, proof, computed)
            && computed.SequenceEqual(root);
    }

    /// <summary>
    /// Runs the RFC 9162 §2.1.3.2 algorithm and writes the root the proof implies; false if the proof cannot
    /// belong to a tree of that size (in which case <paramref name="root"/> is unspecified).
    /// </summary>
    public static bool TryComputeInclusionRoot(long leafIndex, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, Span<byte> root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (leafIndex < 0 || leafIndex >= treeSize || leafHash.Length != MerkleHasher.HashSize || root.Length < MerkleHasher.HashSize)
        {
            return false;
        }

        var fn = leafIndex;
        var sn = treeSize - 1;
        var r = root[..MerkleHasher.HashSize];
        leafHash.CopyTo(r);
        foreach (var p in proof)
        {
            if (sn == 0 || p is null || p.Length != MerkleHasher.HashSize)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHasher.NodeHash(p, r, r);
                SkipLonelyLevels(ref fn, ref sn);
            }
            else
            {
                MerkleHasher.NodeHash(r, p, r);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0;
    }

    /// <summary>
    /// True when <paramref name="proof"/> shows that the tree of <paramref name="size1"/> leaves with head
    /// <paramref name="root1"/> is a prefix of the tree of <paramref name="size2"/> leaves with head <paramref name="root2"/>.
    /// </summary>
    /// <remarks>
    /// Beyond RFC 9162 §2.1.4.2 (which covers 0 &lt; size1 &lt; size2): equal sizes need an empty proof and
    /// equal heads; size 0 needs an empty proof and <paramref name="root1"/> equal to the empty tree's head.
    /// </remarks>
    public static bool VerifyConsistency(long size1, long size2, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (size1 < 0 || size1 > size2 || root1.Length != MerkleHasher.HashSize || root2.Length != MerkleHasher.HashSize)
        {
            return false;
        }

        if (size1 == 0)
        {
            return proof.Count == 0 && root1.SequenceEqual(MerkleHasher.EmptyRoot);
        }

        if (size1 == size2)
        {
            return proof.Count == 0 && root1.SequenceEqual(root2);
        }

        if (proof.Count == 0)
        {
            return false;
        }

        foreach (var p in proof)
        {
            if (p is null || p.Length != MerkleHasher.HashSize)
            {
                return false;
            }
        }

        // When size1 is a power of two, its head is itself the first element of the path.
        var first = 0;
        ReadOnlySpan<byte> seed = proof[0];
        if (BitOperations.IsPow2(size1))
        {
            seed = root1;
        }
        else
        {
            first = 1;
        }

        var fn = size1 - 1;
        var sn = size2 - 1;
        var tz = BitOperations.TrailingZeroCount(~(ulong)fn);
        fn >>= tz;
        sn >>= tz;

        Span<byte> fr = stackalloc byte[MerkleHasher.HashSize];
        Span<byte> sr = stackalloc byte[MerkleHasher.HashSize];
        seed.CopyTo(fr);
        seed.CopyTo(sr);
        for (var i = first; i < proof.Count; i++)
        {
            var c = proof[i];
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHasher.NodeHash(c, fr, fr);
                MerkleHasher.NodeHash(c, sr, sr);
                SkipLonelyLevels(ref fn, ref sn);
            }
            else
            {
                MerkleHasher.NodeHash(sr, c, sr);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr.SequenceEqual(root1) && sr.SequenceEqual(root2);
    }

    /// <summary>
    /// RFC 9162: "right-shift both fn and sn equally until either LSB(fn) is set or fn is 0" — the levels
    /// where the node is the rightmost one of its level and has no sibling.
    /// </summary>
    private static void SkipLonelyLevels(ref long fn, ref long sn)
    {
        if (fn != 0 && (fn & 1) == 0)
        {
            var shift = BitOperations.TrailingZeroCount((ulong)fn);
            fn >>= shift;
            sn >>= shift;
        }
    }
}
