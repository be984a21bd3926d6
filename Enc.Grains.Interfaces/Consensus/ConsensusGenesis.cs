namespace Enc.Grains.Interfaces.Consensus;

/// <summary>The validator set of heights 1 and 2, fixed once when enough validators registered.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Consensus.ConsensusGenesis")]
public sealed record ConsensusGenesis
{
    /// <summary>The genesis validators (node name, key, weight), in canonical key order.</summary>
    [Id(0)] public required IReadOnlyList<ValidatorInfo> Validators { get; init; }

    /// <summary>When the genesis set was fixed.</summary>
    [Id(1)] public required DateTimeOffset SealedAt { get; init; }
}
