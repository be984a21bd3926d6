namespace Enc.Grains.Workloads;

/// <summary>Persisted state of the workload registry.</summary>
[GenerateSerializer]
[Alias("Enc.Workloads.WorkloadRegistryState")]
public sealed class WorkloadRegistryState
{
    /// <summary>Workload ids ("namespace/name").</summary>
    [Id(0)] public HashSet<string> Ids { get; set; } = new(StringComparer.Ordinal);
}
