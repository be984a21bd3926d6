namespace Enc.Grains.Interfaces.Nodes;

/// <summary>What a node agent reports about its host when it registers the node.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Nodes.NodeRegistration")]
public sealed record NodeRegistration
{
    /// <summary>Drivers, platform, labels and topology of the node.</summary>
    [Id(0)] public required NodeCapabilities Capabilities { get; init; }

    /// <summary>Resource capacity measured on the host.</summary>
    [Id(1)] public required ResourceQuantities Capacity { get; init; }

    /// <summary>The node's network address (<c>host:port</c> of its silo endpoint).</summary>
    [Id(2)] public required string Address { get; init; }

    /// <summary>The node's weight in consensus votes (at least 1).</summary>
    [Id(3)] public required int ConsensusWeight { get; init; }

    /// <summary>The node's BLS12-381 signing public key (compressed G1, 48 bytes); registered with the ledger.</summary>
    [Id(20)] public byte[]? PublicKey { get; init; }

    /// <summary>Proof of possession of <see cref="PublicKey"/>'s secret key (96 bytes); a registration whose proof fails is refused.</summary>
    [Id(21)] public byte[]? ProofOfPossession { get; init; }
}
