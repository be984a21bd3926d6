namespace Enc.Grains.Interfaces.Consensus;

/// <summary>What <c>enc validator add|remove|weight NODE</c> asks for.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Consensus.ValidatorChangeRequest")]
public sealed record ValidatorChangeRequest
{
    /// <summary>The change.</summary>
    [Id(0)] public required ValidatorChangeKind Kind { get; init; }

    /// <summary>The node whose registered key is added, removed or re-weighted.</summary>
    [Id(1)] public required string NodeName { get; init; }

    /// <summary>The weight (Add, Weight); ignored for Remove. For Add, 0 takes the node's configured weight.</summary>
    [Id(2)] public long Weight { get; init; }
}
