namespace Enc.Grains.Interfaces.Workloads;

/// <summary>
/// Resources one instance reserves on its node. CPU and memory are also enforced as limits by the
/// drivers (see docs/workloads.md); disk and network bandwidth are reserved for placement only.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Workloads.WorkloadResources")]
public sealed record WorkloadResources
{
    /// <summary>CPU in millicores (1000 = one core). Spec quantity, e.g. <c>250m</c>, <c>1.5</c>.</summary>
    [Id(0)] public required long CpuMillicores { get; init; }

    /// <summary>Memory limit in bytes. Spec quantity, e.g. <c>64Mi</c>, <c>1Gi</c>, <c>500M</c>.</summary>
    [Id(1)] public required long MemoryBytes { get; init; }

    /// <summary>Scratch disk in bytes (0 = none requested).</summary>
    [Id(2)] public long DiskBytes { get; init; }

    /// <summary>Network bandwidth in bits per second (0 = none requested). Spec quantity, e.g. <c>100M</c>.</summary>
    [Id(3)] public long NetworkBitsPerSecond { get; init; }
}
