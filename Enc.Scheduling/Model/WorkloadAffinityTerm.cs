namespace Enc.Scheduling.Model;

/// <summary>
/// Affinity or anti-affinity to instances of other workloads, selected by their labels, within a topology domain.
/// </summary>
public sealed record WorkloadAffinityTerm
{
    /// <summary>Selector over instance labels (instances of the request's namespace only); must not be empty.</summary>
    public required IReadOnlyList<LabelExpression> Selector { get; init; }

    /// <summary>Topology domain.</summary>
    public required TopologyScope Topology { get; init; }

    /// <summary>Weight 1..100 for preferred terms; ignored for required terms.</summary>
    public int Weight { get; init; } = 1;
}
