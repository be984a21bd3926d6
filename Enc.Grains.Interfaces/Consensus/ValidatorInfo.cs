namespace Enc.Grains.Interfaces.Consensus;

/// <summary>One member of a validator set, as shown to clients.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Consensus.ValidatorInfo")]
public sealed record ValidatorInfo
{
    /// <summary>The node's name ("?" when the key is not registered by any node).</summary>
    [Id(0)] public required string NodeName { get; init; }

    /// <summary>The BLS public key, lower-case hex.</summary>
    [Id(1)] public required string PublicKey { get; init; }

    /// <summary>Voting weight.</summary>
    [Id(2)] public required long Weight { get; init; }
}
