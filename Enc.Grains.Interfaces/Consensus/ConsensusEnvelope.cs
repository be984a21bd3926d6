namespace Enc.Grains.Interfaces.Consensus;

/// <summary>
/// One consensus message on the Orleans transport: its canonical bytes (Enc.Consensus
/// <c>ConsensusMessageCodec</c>) plus the height and kind, so a receiver can drop messages for
/// heights it has passed without decoding them.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Consensus.ConsensusEnvelope")]
public sealed record ConsensusEnvelope
{
    /// <summary>Height the message concerns.</summary>
    [Id(0)] public required long Height { get; init; }

    /// <summary>Message kind (1 Proposal, 2 Prepare, 3 Commit, 4 RoundChange, 5 NewBlock).</summary>
    [Id(1)] public required byte Kind { get; init; }

    /// <summary>The canonical encoding of the message.</summary>
    [Id(2)] public required byte[] Bytes { get; init; }
}
