namespace Enc.Grains.Interfaces.Scheduling;

/// <summary>
/// One scheduling decision for one instance of a workload, as kept by the workload grain for
/// <c>enc explain NAME</c>: the outcome, the algorithm, and every node's verdict.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Scheduling.SchedulingExplanation")]
public sealed record SchedulingExplanation
{
    /// <summary>Workload id (<c>namespace/name</c>).</summary>
    [Id(0)] public required string WorkloadId { get; init; }

    /// <summary>The instance the decision was for.</summary>
    [Id(1)] public required string InstanceId { get; init; }

    /// <summary>Replica slot of the instance.</summary>
    [Id(2)] public required int Replica { get; init; }

    /// <summary>When the decision was made.</summary>
    [Id(3)] public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>Placed or Pending.</summary>
    [Id(4)] public required ExplanationOutcome Outcome { get; init; }

    /// <summary>Algorithm used (e.g. <c>ResourceBased</c>).</summary>
    [Id(5)] public required string Algorithm { get; init; }

    /// <summary>Resource strategy (<c>binpack</c> or <c>spread</c>; empty for other algorithms).</summary>
    [Id(6)] public string ResourceStrategy { get; init; } = "";

    /// <summary>Chosen node; empty when Pending.</summary>
    [Id(7)] public string NodeName { get; init; } = "";

    /// <summary>Weighted score of the chosen node.</summary>
    [Id(8)] public long FinalScore { get; init; }

    /// <summary>Summary, e.g. <c>0/3 nodes are available: 2 insufficient cpu, ...</c>.</summary>
    [Id(9)] public string Message { get; init; } = "";

    /// <summary>Instances the decision evicts (preemption victims).</summary>
    [Id(10)] public IReadOnlyList<InstanceEviction> Evictions { get; init; } = [];

    /// <summary>Every node's verdict, by node name.</summary>
    [Id(11)] public IReadOnlyList<NodeExplanation> Nodes { get; init; } = [];

    /// <summary>Nodes in the cluster when the decision was made.</summary>
    [Id(12)] public int TotalNodes { get; init; }

    /// <summary>Feasible nodes found by the scan (the scored sample).</summary>
    [Id(13)] public int FeasibleNodes { get; init; }

    /// <summary>Priority of the workload.</summary>
    [Id(14)] public int Priority { get; init; }
}
