namespace Enc.Crypto.Merkle;

/// <summary>
/// What a proof (or a tree head) is made of: the perfect-subtree hashes to read, and how to combine them.
/// Element <c>i</c> of the result is the right-to-left fold with the node hash of the
/// <c>ElementSizes[i]</c> consecutive entries of <see cref="Nodes"/> that follow element <c>i-1</c>'s entries.
/// </summary>
/// <remarks>
/// An element made of one node is a stored hash; an element of several nodes is the root of a subtree on
/// the tree's right edge that is not perfect (RFC 9162's proofs contain such hashes for trees whose size is
/// not a power of two), rebuilt from the perfect subtrees that decompose it, largest first.
/// </remarks>
public sealed class MerkleProofPlan
{
    internal MerkleProofPlan(MerkleNodeId[] nodes, int[] elementSizes)
    {
        Nodes = nodes;
        ElementSizes = elementSizes;
    }

    /// <summary>The perfect-subtree hashes to read, in order.</summary>
    public IReadOnlyList<MerkleNodeId> Nodes { get; }

    /// <summary>How many consecutive <see cref="Nodes"/> make each element of the result.</summary>
    public IReadOnlyList<int> ElementSizes { get; }

    /// <summary>The number of hashes the assembled result holds.</summary>
    public int ElementCount => ElementSizes.Count;

    /// <summary>
    /// Combines the hashes read for <see cref="Nodes"/> (32 bytes each, in order) into the result's elements.
    /// </summary>
    public byte[][] Assemble(ReadOnlySpan<byte> nodeHashes)
    {
        if (nodeHashes.Length != Nodes.Count * MerkleHasher.HashSize)
        {
            throw new ArgumentException(
                $"Expected {Nodes.Count * MerkleHasher.HashSize} bytes of node hashes; got {nodeHashes.Length}.", nameof(nodeHashes));
        }

        var result = new byte[ElementSizes.Count][];
        var offset = 0;
        for (var i = 0; i < result.Length; i++)
        {
            var count = ElementSizes[i];
            var element = new byte[MerkleHasher.HashSize];
            FoldRange(nodeHashes.Slice(offset * MerkleHasher.HashSize, count * MerkleHasher.HashSize), element);
            result[i] = element;
            offset += count;
        }

        return result;
    }

    /// <summary>
    /// Folds consecutive perfect-subtree hashes (largest subtree first) into the hash of the range they cover:
    /// <c>H(n0, H(n1, ... H(n[k-2], n[k-1])))</c>.
    /// </summary>
    internal static void FoldRange(ReadOnlySpan<byte> hashes, Span<byte> destination)
    {
        var count = hashes.Length / MerkleHasher.HashSize;
        hashes[((count - 1) * MerkleHasher.HashSize)..].CopyTo(destination);
        for (var j = count - 2; j >= 0; j--)
        {
            MerkleHasher.NodeHash(hashes.Slice(j * MerkleHasher.HashSize, MerkleHasher.HashSize), destination[..MerkleHasher.HashSize], destination);
        }
    }
}
