namespace Enc.Scheduling.Model;

/// <summary>A weighted node preference: nodes matching <see cref="Term"/> score higher.</summary>
public sealed record PreferredNodeAffinityTerm
{
    /// <summary>Weight, 1..100.</summary>
    public required int Weight { get; init; }

    /// <summary>The term nodes should match.</summary>
    public required NodeSelectorTerm Term { get; init; }
}
