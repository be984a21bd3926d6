namespace Enc.Grains.Interfaces.Consensus;

/// <summary>A ConsensusDriven placement committed in a block, handed to the workload grain to bind.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Consensus.ConsensusPlacementBinding")]
public sealed record ConsensusPlacementBinding
{
    /// <summary>The placed instance.</summary>
    [Id(0)] public required string InstanceId { get; init; }

    /// <summary>The node consensus chose.</summary>
    [Id(1)] public required string NodeName { get; init; }

    /// <summary>Height of the committing block.</summary>
    [Id(2)] public required long Height { get; init; }

    /// <summary>Hash of the committing block, hex.</summary>
    [Id(3)] public required string BlockHash { get; init; }

    /// <summary>The block's commit certificate (<c>ENC-CERT-V1</c>), hex; recorded in the instance's Scheduled receipt.</summary>
    [Id(4)] public required string Certificate { get; init; }
}
