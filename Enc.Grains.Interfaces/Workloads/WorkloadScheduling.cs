namespace Enc.Grains.Interfaces.Workloads;

/// <summary>Placement hints: which nodes qualify and which algorithm chooses among them.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Workloads.WorkloadScheduling")]
public sealed record WorkloadScheduling
{
    /// <summary>No hints: any Ready node, cluster default algorithm.</summary>
    public static WorkloadScheduling Default { get; } = new();

    /// <summary>Node labels that must all be present with these values.</summary>
    [Id(0)] public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = new Dictionary<string, string>();

    /// <summary>Taints this workload tolerates.</summary>
    [Id(1)] public IReadOnlyList<WorkloadToleration> Tolerations { get; init; } = [];

    /// <summary>Scheduling algorithm name (see <see cref="SchedulingAlgorithmNames"/>); null for the cluster default.</summary>
    [Id(2)] public string? Algorithm { get; init; }

    /// <summary>Priority (higher places first and may preempt lower-priority instances); default 0.</summary>
    [Id(3)] public int Priority { get; init; }

    /// <summary>Affinity to instances of other workloads (same namespace), selected by their labels.</summary>
    [Id(4)] public IReadOnlyList<WorkloadAffinityRule> Affinity { get; init; } = [];

    /// <summary>Anti-affinity to instances (including this workload's own replicas), selected by their labels.</summary>
    [Id(5)] public IReadOnlyList<WorkloadAffinityRule> AntiAffinity { get; init; } = [];

    /// <summary>Spread instances across zones so counts differ by at most this much; 0 = no spread constraint.</summary>
    [Id(6)] public int ZoneSpreadMaxSkew { get; init; }

    /// <summary>Workloads (<c>namespace/name</c> or <c>name</c>) this one talks to; placement prefers nodes with low round trips to them.</summary>
    [Id(7)] public IReadOnlyList<string> CommunicatesWith { get; init; } = [];

    /// <summary>Node affinity terms over node labels (required terms are OR-ed; preferred ones add their weights).</summary>
    [Id(8)] public IReadOnlyList<NodeAffinityTerm> NodeAffinity { get; init; } = [];
}
