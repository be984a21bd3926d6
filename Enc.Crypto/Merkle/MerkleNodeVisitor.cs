namespace Enc.Crypto.Merkle;

/// <summary>Receives each perfect subtree hash as an appender completes it.</summary>
/// <param name="id">The completed node.</param>
/// <param name="hash">Its 32-byte hash; valid only during the call.</param>
public delegate void MerkleNodeVisitor(MerkleNodeId id, ReadOnlySpan<byte> hash);
