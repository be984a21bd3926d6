namespace Enc.Crypto.Merkle;

/// <summary>
/// Turns RFC 9162 §2.1.3.1 (inclusion) and §2.1.4.1 (consistency) proof definitions into
/// <see cref="MerkleProofPlan"/>s: the perfect-subtree hashes a store must supply, and how to combine them.
/// </summary>
/// <remarks>
/// Every subtree the RFC's recursion touches is either perfect and aligned, or ends at the tree's right edge;
/// the latter decomposes into the perfect subtrees given by the binary digits of its size. A proof therefore
/// needs at most about 2·log2(n) stored hashes, whatever the log's size.
/// </remarks>
public static class MerkleProofPlanner
{
    /// <summary>Plans the inclusion proof (audit path) of leaf <paramref name="leafIndex"/> in the tree of <paramref name="treeSize"/> leaves.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not below the size, or either is negative.</exception>
    public static MerkleProofPlan Inclusion(long leafIndex, long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, treeSize);

        // Walk the RFC's PATH recursion from the root down, collecting each sibling subtree [lo, hi).
        Span<(long Lo, long Hi)> siblings = stackalloc (long, long)[64];
        var count = 0;
        long lo = 0, hi = treeSize;
        while (hi - lo > 1)
        {
            var k = MerkleMath.LargestPowerOfTwoBelow(hi - lo);
            if (leafIndex < lo + k)
            {
                siblings[count++] = (lo + k, hi);
                hi = lo + k;
            }
            else
            {
                siblings[count++] = (lo, lo + k);
                lo += k;
            }
        }

        // The RFC lists the path from the leaf upwards.
        siblings[..count].Reverse();
        return Build(siblings[..count]);
    }

    /// <summary>Plans the consistency proof between the trees of <paramref name="size1"/> and <paramref name="size2"/> leaves.</summary>
    /// <remarks>Empty when <paramref name="size1"/> is 0 or equals <paramref name="size2"/>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size1"/> is negative or exceeds <paramref name="size2"/>.</exception>
    public static MerkleProofPlan Consistency(long size1, long size2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size1, size2);
        if (size1 == 0 || size1 == size2)
        {
            return new MerkleProofPlan([], []);
        }

        // SUBPROOF(m, D[lo:hi], b), unrolled; m is relative to lo.
        Span<(long Lo, long Hi)> parts = stackalloc (long, long)[65];
        var count = 0;
        long lo = 0, hi = size2, m = size1;
        var complete = true;
        while (true)
        {
            var n = hi - lo;
            if (m == n)
            {
                if (!complete)
                {
                    parts[count++] = (lo, hi);
                }

                break;
            }

            var k = MerkleMath.LargestPowerOfTwoBelow(n);
            if (m <= k)
            {
                parts[count++] = (lo + k, hi);
                hi = lo + k;
            }
            else
            {
                parts[count++] = (lo, lo + k);
                lo += k;
                m -= k;
                complete = false;
            }
        }

        parts[..count].Reverse();
        return Build(parts[..count]);
    }

    /// <summary>Plans the tree head of the first <paramref name="treeSize"/> leaves (one element; none for size 0).</summary>
    public static MerkleProofPlan Root(long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        return treeSize == 0 ? new MerkleProofPlan([], []) : Build([(0, treeSize)]);
    }

    /// <summary>
    /// The perfect subtrees whose hashes summarize a tree of <paramref name="treeSize"/> leaves for further
    /// appends (one per set bit of the size, largest first): what <see cref="CompactMerkleRange.Restore"/> takes.
    /// </summary>
    public static MerkleNodeId[] CompactRange(long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        var result = new List<MerkleNodeId>(64);
        Decompose(0, treeSize, result);
        return [.. result];
    }

    private static MerkleProofPlan Build(ReadOnlySpan<(long Lo, long Hi)> ranges)
    {
        var nodes = new List<MerkleNodeId>(ranges.Length + 8);
        var sizes = new int[ranges.Length];
        for (var i = 0; i < ranges.Length; i++)
        {
            sizes[i] = Decompose(ranges[i].Lo, ranges[i].Hi, nodes);
        }

        return new MerkleProofPlan([.. nodes], sizes);
    }

    /// <summary>Appends the perfect subtrees covering [lo, hi), largest first; lo is aligned to the largest.</summary>
    private static int Decompose(long lo, long hi, List<MerkleNodeId> nodes)
    {
        var count = 0;
        while (lo < hi)
        {
            var level = MerkleMath.FloorLog2(hi - lo);
            nodes.Add(new MerkleNodeId(level, lo >> level));
            lo += 1L << level;
            count++;
        }

        return count;
    }
}
