namespace Enc.Consensus.Messages;

/// <summary>A message exchanged by consensus engines (QBFT spec L1 <c>QbftMessage</c>).</summary>
public abstract class ConsensusMessage
{
    /// <summary>Height the message concerns.</summary>
    public abstract long Height { get; }

    /// <summary>The signed payload of a PROPOSAL, PREPARE, COMMIT or ROUND-CHANGE; null for NEW-BLOCK.</summary>
    public abstract SignedPayload? SignedPart { get; }
}
