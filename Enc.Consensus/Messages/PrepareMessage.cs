namespace Enc.Consensus.Messages;

/// <summary>PREPARE (QBFT spec L1 <c>Prepare</c>).</summary>
public sealed class PrepareMessage(SignedPayload payload) : ConsensusMessage
{
    /// <summary>The signed payload (type <see cref="MessageType.Prepare"/>).</summary>
    public SignedPayload Payload { get; } = payload;

    /// <inheritdoc />
    public override long Height => Payload.Height;

    /// <inheritdoc />
    public override SignedPayload? SignedPart => Payload;
}
