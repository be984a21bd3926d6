using System.Numerics;

namespace Enc.Crypto.Merkle;

/// <summary>
/// An incremental RFC 9162 tree head: appends leaves one at a time while keeping only the hashes of the
/// perfect subtrees that make up the current size (at most 64, one per set bit), so memory is O(log n) and an
/// append costs amortized two hashes. Not thread-safe.
/// </summary>
/// <remarks>Every append can report the perfect-subtree hashes it completes to a <see cref="MerkleNodeVisitor"/>;
/// storing those is all a log needs to serve any proof later (<see cref="MerkleProofBuilder"/>).</remarks>
public sealed class CompactMerkleRange
{
    private const int MaxLevels = 64;
    private readonly byte[] _hashes = new byte[MaxLevels * MerkleHasher.HashSize];
    private int _count;

    /// <summary>The number of leaves appended so far.</summary>
    public long Size { get; private set; }

    /// <summary>The hashes of the perfect subtrees that make up <see cref="Size"/>, largest first, 32 bytes each
    /// (the nodes <see cref="MerkleProofPlanner.CompactRange"/> names).</summary>
    public ReadOnlySpan<byte> Hashes => _hashes.AsSpan(0, _count * MerkleHasher.HashSize);

    /// <summary>
    /// Resumes from a tree of <paramref name="size"/> leaves given the hashes of
    /// <see cref="MerkleProofPlanner.CompactRange"/>(<paramref name="size"/>), in that order.
    /// </summary>
    public static CompactMerkleRange Restore(long size, ReadOnlySpan<byte> hashes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var expected = BitOperations.PopCount((ulong)size);
        if (hashes.Length != expected * MerkleHasher.HashSize)
        {
            throw new ArgumentException(
                $"A tree of {size} leaves is summarized by {expected} hashes ({expected * MerkleHasher.HashSize} bytes); got {hashes.Length} bytes.",
                nameof(hashes));
        }

        var range = new CompactMerkleRange { Size = size, _count = expected };
        hashes.CopyTo(range._hashes);
        return range;
    }

    /// <summary>Appends a leaf given its data (hashed here as <c>SHA-256(0x00 || data)</c>).</summary>
    public void AppendLeaf(ReadOnlySpan<byte> leafData, MerkleNodeVisitor? visitor = null)
    {
        Span<byte> leafHash = stackalloc byte[MerkleHasher.HashSize];
        MerkleHasher.LeafHash(leafData, leafHash);
        Append(leafHash, visitor);
    }

    /// <summary>
    /// Appends a leaf given its leaf hash; reports the leaf (level 0) and every subtree it completes to
    /// <paramref name="visitor"/>, lowest first.
    /// </summary>
    public void Append(ReadOnlySpan<byte> leafHash, MerkleNodeVisitor? visitor = null)
    {
        if (leafHash.Length != MerkleHasher.HashSize)
        {
            throw new ArgumentException($"A leaf hash is {MerkleHasher.HashSize} bytes; got {leafHash.Length}.", nameof(leafHash));
        }

        if (Size == long.MaxValue)
        {
            throw new InvalidOperationException("The tree is full.");
        }

        var index = Size;
        var slot = Slot(_count);
        leafHash.CopyTo(slot);
        visitor?.Invoke(new MerkleNodeId(0, index), slot);

        // Each trailing one bit of the old size is a perfect subtree that the new leaf completes a sibling for.
        var merges = BitOperations.TrailingZeroCount(~(ulong)index);
        for (var level = 1; level <= merges; level++)
        {
            var left = Slot(_count - 1);
            MerkleHasher.NodeHash(left, Slot(_count), left);
            _count--;
            visitor?.Invoke(new MerkleNodeId(level, index >> level), left);
        }

        _count++;
        Size = index + 1;
    }

    /// <summary>Writes the tree head of the leaves appended so far into <paramref name="destination"/>.</summary>
    public void Root(Span<byte> destination)
    {
        if (_count == 0)
        {
            MerkleHasher.EmptyRoot.CopyTo(destination);
            return;
        }

        MerkleProofPlan.FoldRange(Hashes, destination);
    }

    /// <summary>Returns the tree head of the leaves appended so far.</summary>
    public byte[] Root()
    {
        var root = new byte[MerkleHasher.HashSize];
        Root(root);
        return root;
    }

    private Span<byte> Slot(int i) => _hashes.AsSpan(i * MerkleHasher.HashSize, MerkleHasher.HashSize);
}
