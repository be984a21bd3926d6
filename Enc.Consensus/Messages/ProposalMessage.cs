using Enc.Consensus.Blocks;

namespace Enc.Consensus.Messages;

/// <summary>
/// PRE-PREPARE (QBFT spec L1 <c>Proposal</c>): the signed proposal payload, the proposed block,
/// and for rounds &gt; 0 the justification: a quorum of ROUND-CHANGE payloads and, when any of
/// them reports a prepared value, the quorum of PREPAREs for the highest prepared round.
/// </summary>
public sealed class ProposalMessage(SignedPayload payload, ConsensusBlock block, IReadOnlyList<SignedPayload> roundChanges, IReadOnlyList<SignedPayload> prepares)
    : ConsensusMessage
{
    /// <summary>The proposer's signed payload (type <see cref="MessageType.Proposal"/>).</summary>
    public SignedPayload Payload { get; } = payload;

    /// <summary>The proposed block; its hash must equal <see cref="SignedPayload.Digest"/>.</summary>
    public ConsensusBlock Block { get; } = block;

    /// <summary>ROUND-CHANGE justification (empty in round 0).</summary>
    public IReadOnlyList<SignedPayload> RoundChanges { get; } = roundChanges;

    /// <summary>PREPARE justification of the highest prepared value (empty when none was prepared).</summary>
    public IReadOnlyList<SignedPayload> Prepares { get; } = prepares;

    /// <inheritdoc />
    public override long Height => Payload.Height;

    /// <inheritdoc />
    public override SignedPayload? SignedPart => Payload;
}
