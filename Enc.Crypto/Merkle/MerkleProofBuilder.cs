namespace Enc.Crypto.Merkle;

/// <summary>
/// Serves RFC 9162 tree heads, inclusion proofs and consistency proofs from any store of perfect-subtree
/// hashes, reading only the O(log n) nodes each answer needs (one <see cref="IMerkleNodeReader"/> call per answer).
/// </summary>
public sealed class MerkleProofBuilder
{
    private readonly IMerkleNodeReader _reader;

    /// <summary>Creates a builder over <paramref name="reader"/>.</summary>
    public MerkleProofBuilder(IMerkleNodeReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
    }

    /// <summary>The tree head of the first <paramref name="treeSize"/> leaves.</summary>
    public async ValueTask<byte[]> RootAsync(long treeSize, CancellationToken cancellationToken = default)
    {
        if (treeSize == 0)
        {
            return MerkleHasher.EmptyRoot.ToArray();
        }

        var elements = await ExecuteAsync(MerkleProofPlanner.Root(treeSize), cancellationToken).ConfigureAwait(false);
        return elements[0];
    }

    /// <summary>The audit path of leaf <paramref name="leafIndex"/> in the tree of <paramref name="treeSize"/> leaves.</summary>
    public ValueTask<byte[][]> InclusionProofAsync(long leafIndex, long treeSize, CancellationToken cancellationToken = default) =>
        ExecuteAsync(MerkleProofPlanner.Inclusion(leafIndex, treeSize), cancellationToken);

    /// <summary>The consistency proof between the trees of <paramref name="size1"/> and <paramref name="size2"/> leaves.</summary>
    public ValueTask<byte[][]> ConsistencyProofAsync(long size1, long size2, CancellationToken cancellationToken = default) =>
        ExecuteAsync(MerkleProofPlanner.Consistency(size1, size2), cancellationToken);

    /// <summary>Reads the nodes <paramref name="plan"/> names and assembles its elements.</summary>
    public async ValueTask<byte[][]> ExecuteAsync(MerkleProofPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Nodes.Count == 0)
        {
            return [];
        }

        var buffer = new byte[plan.Nodes.Count * MerkleHasher.HashSize];
        await _reader.ReadNodesAsync(plan.Nodes, buffer, cancellationToken).ConfigureAwait(false);
        return plan.Assemble(buffer);
    }
}
