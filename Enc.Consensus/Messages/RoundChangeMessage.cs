using Enc.Consensus.Blocks;

namespace Enc.Consensus.Messages;

/// <summary>
/// ROUND-CHANGE (QBFT spec L1 <c>RoundChange</c>, built by <c>createRoundChange</c>): the signed
/// payload naming the new round and the sender's last prepared round and digest, the prepared
/// block itself and the PREPARE quorum that justifies it.
/// </summary>
public sealed class RoundChangeMessage(SignedPayload payload, ConsensusBlock? preparedBlock, IReadOnlyList<SignedPayload> prepares)
    : ConsensusMessage
{
    /// <summary>The signed payload (type <see cref="MessageType.RoundChange"/>).</summary>
    public SignedPayload Payload { get; } = payload;

    /// <summary>The last prepared block, when the payload reports one.</summary>
    public ConsensusBlock? PreparedBlock { get; } = preparedBlock;

    /// <summary>The PREPARE quorum for the prepared round and digest (empty when none).</summary>
    public IReadOnlyList<SignedPayload> Prepares { get; } = prepares;

    /// <inheritdoc />
    public override long Height => Payload.Height;

    /// <inheritdoc />
    public override SignedPayload? SignedPart => Payload;
}
