using Enc.Crypto.Merkle;

namespace Enc.Ledger.Storage;

/// <summary>A stored perfect-subtree hash of the ledger tree (levels ≥ <see cref="LedgerTreeLayout.MinStoredLevel"/>).</summary>
/// <param name="Id">The node.</param>
/// <param name="Hash">Its 32-byte hash.</param>
public readonly record struct StoredMerkleNode(MerkleNodeId Id, byte[] Hash);
