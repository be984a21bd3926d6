namespace Enc.Grains.Interfaces.Workloads;

/// <summary>
/// A node affinity term: every expression must hold on the node's labels. Required when
/// <see cref="Weight"/> is 0 (a node must match at least one required term); preferred otherwise
/// (matching nodes score higher, weight 1..100).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Workloads.NodeAffinityTerm")]
public sealed record NodeAffinityTerm
{
    /// <summary>Expressions over node labels, all of which must hold (at least one).</summary>
    [Id(0)] public IReadOnlyList<LabelRequirement> MatchExpressions { get; init; } = [];

    /// <summary>0 = required; 1..100 = preferred with this weight.</summary>
    [Id(1)] public int Weight { get; init; }
}
