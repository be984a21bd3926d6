using Enc.Grains.Interfaces.Consensus;

namespace Enc.Grains.Consensus;

/// <summary>Persisted state of the consensus registry.</summary>
[GenerateSerializer]
[Alias("Enc.Consensus.ConsensusRegistryState")]
public sealed class ConsensusRegistryState
{
    /// <summary>Registered node keys by node name.</summary>
    [Id(0)] public Dictionary<string, ValidatorRegistration> Registrations { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The genesis set once fixed.</summary>
    [Id(1)] public ConsensusGenesis? Genesis { get; set; }
}
