namespace Enc.Crypto.Merkle;

/// <summary>
/// A whole Merkle log's perfect-subtree hashes in memory (about 2n hashes for n leaves), with the tree head,
/// proofs and appends on top. For dev mode, tests and benchmarks; not thread-safe.
/// </summary>
public sealed class InMemoryMerkleNodeStore : IMerkleNodeReader
{
    private readonly List<byte[]> _levels = [];
    private readonly List<long> _levelCounts = [];
    private readonly CompactMerkleRange _range = new();
    private readonly MerkleNodeVisitor _store;

    /// <summary>Creates an empty log.</summary>
    public InMemoryMerkleNodeStore() => _store = Store;

    /// <summary>The number of leaves.</summary>
    public long Size => _range.Size;

    /// <summary>Appends a leaf given its leaf hash.</summary>
    public void Append(ReadOnlySpan<byte> leafHash) => _range.Append(leafHash, _store);

    /// <summary>Appends a leaf given its data.</summary>
    public void AppendLeaf(ReadOnlySpan<byte> leafData) => _range.AppendLeaf(leafData, _store);

    /// <summary>The current tree head.</summary>
    public byte[] Root() => _range.Root();

    /// <summary>The tree head at an earlier (or the current) size.</summary>
    public byte[] Root(long treeSize) =>
        CheckSize(treeSize) == 0 ? MerkleHasher.EmptyRoot.ToArray() : Execute(MerkleProofPlanner.Root(treeSize))[0];

    /// <summary>The audit path of <paramref name="leafIndex"/> in the tree of <paramref name="treeSize"/> leaves.</summary>
    public byte[][] InclusionProof(long leafIndex, long treeSize) => Execute(MerkleProofPlanner.Inclusion(leafIndex, CheckSize(treeSize)));

    /// <summary>The consistency proof between two sizes of this log.</summary>
    public byte[][] ConsistencyProof(long size1, long size2) => Execute(MerkleProofPlanner.Consistency(size1, CheckSize(size2)));

    /// <summary>Copies one stored node hash.</summary>
    /// <exception cref="KeyNotFoundException">The node is not complete yet.</exception>
    public void ReadNode(MerkleNodeId id, Span<byte> destination)
    {
        if (id.Level < 0 || id.Level >= _levels.Count || id.Index < 0 || id.Index >= _levelCounts[id.Level])
        {
            throw new KeyNotFoundException($"Merkle node {id} is not stored (log size {Size}).");
        }

        _levels[id.Level].AsSpan(checked((int)(id.Index * MerkleHasher.HashSize)), MerkleHasher.HashSize).CopyTo(destination);
    }

    /// <inheritdoc />
    public ValueTask ReadNodesAsync(IReadOnlyList<MerkleNodeId> ids, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        ReadNodes(ids, destination.Span);
        return ValueTask.CompletedTask;
    }

    private void ReadNodes(IReadOnlyList<MerkleNodeId> ids, Span<byte> destination)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            ReadNode(ids[i], destination.Slice(i * MerkleHasher.HashSize, MerkleHasher.HashSize));
        }
    }

    private byte[][] Execute(MerkleProofPlan plan)
    {
        var buffer = new byte[plan.Nodes.Count * MerkleHasher.HashSize];
        ReadNodes(plan.Nodes, buffer);
        return plan.Assemble(buffer);
    }

    private long CheckSize(long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treeSize, Size);
        return treeSize;
    }

    private void Store(MerkleNodeId id, ReadOnlySpan<byte> hash)
    {
        if (id.Level == _levels.Count)
        {
            _levels.Add(new byte[MerkleHasher.HashSize * 16]);
            _levelCounts.Add(0);
        }

        var level = _levels[id.Level];
        var offset = checked((int)(id.Index * MerkleHasher.HashSize));
        if (offset + MerkleHasher.HashSize > level.Length)
        {
            Array.Resize(ref level, level.Length * 2);
            _levels[id.Level] = level;
        }

        hash.CopyTo(level.AsSpan(offset));
        _levelCounts[id.Level] = id.Index + 1;
    }
}
