namespace Enc.Scheduling.Model;

/// <summary>An instance (replica) of a workload placed on a node.</summary>
public sealed record RunningInstance
{
    /// <summary>Instance id, unique in the cluster.</summary>
    public required string Id { get; init; }

    /// <summary>Owning workload id.</summary>
    public required string WorkloadId { get; init; }

    /// <summary>Namespace of the owning workload.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>Node the instance is placed on.</summary>
    public required string NodeId { get; init; }

    /// <summary>Instance labels (used by workload affinity).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyLabels.Instance;

    /// <summary>Priority; higher-priority pending work may preempt lower-priority instances.</summary>
    public int Priority { get; init; }

    /// <summary>Resources the instance holds on its node.</summary>
    public required ResourceVector Resources { get; init; }

    /// <summary>Tolerations of the owning workload (used for <c>NoExecute</c> eviction).</summary>
    public IReadOnlyList<Toleration> Tolerations { get; init; } = [];
}
