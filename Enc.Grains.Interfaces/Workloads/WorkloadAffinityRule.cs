namespace Enc.Grains.Interfaces.Workloads;

/// <summary>
/// Affinity or anti-affinity to running instances whose labels match <see cref="MatchLabels"/> and
/// <see cref="MatchExpressions"/>, within a node or a zone. Required when <see cref="Weight"/> is 0;
/// preferred (scored, weight 1..100) otherwise.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Workloads.WorkloadAffinityRule")]
public sealed record WorkloadAffinityRule
{
    /// <summary>Instance labels that must all be present with these values.</summary>
    [Id(0)] public IReadOnlyDictionary<string, string> MatchLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the rule is evaluated: the same node or the same zone.</summary>
    [Id(1)] public AffinityTopology Topology { get; init; } = AffinityTopology.Node;

    /// <summary>0 = required (a hard constraint); 1..100 = preferred with this weight.</summary>
    [Id(2)] public int Weight { get; init; }

    /// <summary>Further expressions over instance labels, all of which must hold (with <see cref="MatchLabels"/>, at least one entry overall).</summary>
    [Id(3)] public IReadOnlyList<LabelRequirement> MatchExpressions { get; init; } = [];
}
