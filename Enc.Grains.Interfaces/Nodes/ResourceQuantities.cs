namespace Enc.Grains.Interfaces.Nodes;

/// <summary>An amount of each schedulable resource.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Nodes.ResourceQuantities")]
public sealed record ResourceQuantities
{
    /// <summary>No resources at all.</summary>
    public static ResourceQuantities Zero { get; } = new()
    {
        CpuMillicores = 0,
        MemoryBytes = 0,
        DiskBytes = 0,
        NetworkBitsPerSecond = 0,
    };

    /// <summary>CPU in millicores (1000 = one core).</summary>
    [Id(0)] public required long CpuMillicores { get; init; }

    /// <summary>Memory in bytes.</summary>
    [Id(1)] public required long MemoryBytes { get; init; }

    /// <summary>Disk space in bytes.</summary>
    [Id(2)] public required long DiskBytes { get; init; }

    /// <summary>Network bandwidth in bits per second.</summary>
    [Id(3)] public required long NetworkBitsPerSecond { get; init; }

    /// <summary>Adds two quantities component-wise.</summary>
    public ResourceQuantities Add(ResourceQuantities other) => new()
    {
        CpuMillicores = CpuMillicores + other.CpuMillicores,
        MemoryBytes = MemoryBytes + other.MemoryBytes,
        DiskBytes = DiskBytes + other.DiskBytes,
        NetworkBitsPerSecond = NetworkBitsPerSecond + other.NetworkBitsPerSecond,
    };

    /// <summary>Subtracts <paramref name="other"/> component-wise.</summary>
    public ResourceQuantities Subtract(ResourceQuantities other) => new()
    {
        CpuMillicores = CpuMillicores - other.CpuMillicores,
        MemoryBytes = MemoryBytes - other.MemoryBytes,
        DiskBytes = DiskBytes - other.DiskBytes,
        NetworkBitsPerSecond = NetworkBitsPerSecond - other.NetworkBitsPerSecond,
    };

    /// <summary>True when every component is at most the matching component of <paramref name="limit"/>.</summary>
    public bool FitsWithin(ResourceQuantities limit) =>
        CpuMillicores <= limit.CpuMillicores
        && MemoryBytes <= limit.MemoryBytes
        && DiskBytes <= limit.DiskBytes
        && NetworkBitsPerSecond <= limit.NetworkBitsPerSecond;

    /// <summary>True when no component is negative.</summary>
    public bool IsNonNegative =>
        CpuMillicores >= 0 && MemoryBytes >= 0 && DiskBytes >= 0 && NetworkBitsPerSecond >= 0;
}
