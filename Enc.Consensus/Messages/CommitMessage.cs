namespace Enc.Consensus.Messages;

/// <summary>COMMIT (QBFT spec L1 <c>Commit</c>); the payload's signature is the commit seal.</summary>
public sealed class CommitMessage(SignedPayload payload) : ConsensusMessage
{
    /// <summary>The signed payload (type <see cref="MessageType.Commit"/>).</summary>
    public SignedPayload Payload { get; } = payload;

    /// <inheritdoc />
    public override long Height => Payload.Height;

    /// <inheritdoc />
    public override SignedPayload? SignedPart => Payload;
}
