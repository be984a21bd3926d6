namespace Enc.Grains.Interfaces.Workloads;

/// <summary>
/// Resources one instance reserves on its node. <see cref="CpuMillicores"/> is a request: the scheduler
/// reserves it and the drivers turn it into a relative CPU weight (cgroup <c>cpu.shares</c>/<c>cpu.weight</c>),
/// so an instance may use idle CPU beyond it; a hard CPU cap applies only when
/// <see cref="CpuLimitMillicores"/> is set (as Kubernetes <c>limits.cpu</c>, Nomad <c>cpu_hard_limit</c>).
/// Memory is always enforced as a hard limit; disk and network bandwidth are reserved for placement only
/// (see docs/workloads.md).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Workloads.WorkloadResources")]
public sealed record WorkloadResources
{
    /// <summary>
    /// CPU request in millicores (1000 = one core): what placement reserves and the instance's relative CPU
    /// weight under contention. Spec field <c>resources.cpu</c>, a quantity such as <c>250m</c> or <c>1.5</c>.
    /// </summary>
    [Id(0)] public required long CpuMillicores { get; init; }

    /// <summary>Memory limit in bytes. Spec quantity, e.g. <c>64Mi</c>, <c>1Gi</c>, <c>500M</c>.</summary>
    [Id(1)] public required long MemoryBytes { get; init; }

    /// <summary>Scratch disk in bytes (0 = none requested).</summary>
    [Id(2)] public long DiskBytes { get; init; }

    /// <summary>Network bandwidth in bits per second (0 = none requested). Spec quantity, e.g. <c>100M</c>.</summary>
    [Id(3)] public long NetworkBitsPerSecond { get; init; }

    /// <summary>
    /// Optional hard CPU cap in millicores (CFS quota per 100 ms period); null = no cap, the instance may use
    /// idle CPU beyond its request. Must be at least <see cref="CpuMillicores"/> when set. Spec field
    /// <c>resources.cpuLimit</c>, e.g. <c>500m</c>.
    /// </summary>
    [Id(4)] public long? CpuLimitMillicores { get; init; }
}
