namespace Enc.Grains.Interfaces.Consensus;

/// <summary>A decision submitted for ordering: its type and opaque payload (Enc.Consensus <c>Decision</c>).</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Consensus.ConsensusDecisionData")]
public sealed record ConsensusDecisionData
{
    /// <summary>Decision type name.</summary>
    [Id(0)] public required string Type { get; init; }

    /// <summary>Canonical payload of the decision.</summary>
    [Id(1)] public required byte[] Payload { get; init; }
}
