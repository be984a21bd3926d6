namespace Enc.Crypto.Merkle;

/// <summary>
/// Reads perfect-subtree hashes (<see cref="MerkleNodeId"/>) from wherever a log keeps them: memory, a
/// database table, a file. <see cref="MerkleProofBuilder"/> asks for all the nodes one proof needs in a single
/// call, so a database-backed reader answers with one query.
/// </summary>
public interface IMerkleNodeReader
{
    /// <summary>
    /// Writes the hash of <c>ids[i]</c> into <c>destination[32·i .. 32·i+32)</c> for every <c>i</c>.
    /// </summary>
    /// <exception cref="KeyNotFoundException">A requested node is not (yet) stored.</exception>
    ValueTask ReadNodesAsync(IReadOnlyList<MerkleNodeId> ids, Memory<byte> destination, CancellationToken cancellationToken = default);
}
