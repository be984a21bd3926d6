namespace Enc.Grains.Interfaces.Consensus;

/// <summary>A node's consensus key, registered by the node's validator grain when it starts.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Consensus.ValidatorRegistration")]
public sealed record ValidatorRegistration
{
    /// <summary>The node's name.</summary>
    [Id(0)] public required string NodeName { get; init; }

    /// <summary>The node's BLS12-381 public key (48-byte compressed G1).</summary>
    [Id(1)] public required byte[] PublicKey { get; init; }

    /// <summary>The key's proof of possession (96-byte compressed G2), checked before registration.</summary>
    [Id(2)] public required byte[] ProofOfPossession { get; init; }

    /// <summary>The node's configured consensus weight; 0 registers the key without a vote.</summary>
    [Id(3)] public required long Weight { get; init; }
}
