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
}
