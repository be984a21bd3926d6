namespace Enc.Scheduling.Explain;

/// <summary>The outcome of one scheduling cycle and why: the basis of receipts and of <c>enc explain</c>.</summary>
public sealed record SchedulingDecision
{
    /// <summary>Workload id.</summary>
    public required string WorkloadId { get; init; }

    /// <summary>Replica index.</summary>
    public required int ReplicaIndex { get; init; }

    /// <summary>Outcome.</summary>
    public required SchedulingOutcome Outcome { get; init; }

    /// <summary>Instance id given to the placed replica (see <see cref="InstanceIds"/>); empty when Pending.</summary>
    public string InstanceId { get; init; } = "";

    /// <summary>Chosen node; empty when Pending.</summary>
    public string NodeId { get; init; } = "";

    /// <summary>Algorithm used.</summary>
    public required string Algorithm { get; init; }

    /// <summary>Resource strategy used (ResourceBased only; empty otherwise).</summary>
    public string ResourceStrategy { get; init; } = "";

    /// <summary>Weighted score of the chosen node.</summary>
    public long FinalScore { get; init; }

    /// <summary>Per-plugin scores of the chosen node.</summary>
    public IReadOnlyList<PluginScore> Scores { get; init; } = [];

    /// <summary>Instances evicted to make room (preemption).</summary>
    public IReadOnlyList<Eviction> Evictions { get; init; } = [];

    /// <summary>Nodes the scan visited.</summary>
    public int NodesEvaluated { get; init; }

    /// <summary>Feasible nodes found (the candidates that were scored).</summary>
    public int FeasibleNodes { get; init; }

    /// <summary>Total nodes in the cluster.</summary>
    public int TotalNodes { get; init; }

    /// <summary>Rejections aggregated per node class, plugin and reason (Pending decisions and <see cref="ExplainLevel.Nodes"/>).</summary>
    public IReadOnlyList<RejectionCount> Rejections { get; init; } = [];

    /// <summary>Every node's verdict (only with <see cref="ExplainLevel.Nodes"/>).</summary>
    public IReadOnlyList<NodeVerdict> Nodes { get; init; } = [];

    /// <summary>Human-readable summary, e.g. <c>0/3 nodes available: 2 insufficient cpu, 1 node is not ready</c>.</summary>
    public string Message { get; init; } = "";

    /// <summary>Cluster events after which a Pending decision is worth retrying.</summary>
    public ClusterEventKinds RequeueOn { get; init; }
}
