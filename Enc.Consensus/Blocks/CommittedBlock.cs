namespace Enc.Consensus.Blocks;

/// <summary>A committed block and the certificate proving its commit.</summary>
/// <param name="Block">The block.</param>
/// <param name="Certificate">Its commit certificate.</param>
public sealed record CommittedBlock(ConsensusBlock Block, CommitCertificate Certificate);
