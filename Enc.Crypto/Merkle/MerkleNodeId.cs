namespace Enc.Crypto.Merkle;

/// <summary>
/// Names a perfect, aligned subtree: the node at <paramref name="Level"/> (0 = leaf) and position
/// <paramref name="Index"/> covers leaves <c>[Index·2^Level, (Index+1)·2^Level)</c>.
/// </summary>
/// <remarks>Every hash a proof needs is either such a node or is recomputed from a few of them, so a store
/// that keeps (or can recompute) these nodes serves any proof in O(log n) reads.</remarks>
/// <param name="Level">Height of the subtree; 0 for a leaf hash.</param>
/// <param name="Index">Position of the subtree among the subtrees of the same level, from the left.</param>
public readonly record struct MerkleNodeId(int Level, long Index)
{
    /// <summary>The first leaf the subtree covers.</summary>
    public long FirstLeaf => Index << Level;

    /// <summary>The number of leaves the subtree covers.</summary>
    public long LeafCount => 1L << Level;

    /// <inheritdoc />
    public override string ToString() => $"({Level},{Index})";
}
