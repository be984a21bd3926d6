namespace Enc.Scheduling.Model;

/// <summary>
/// The four resources ENC schedules together: CPU, memory, disk and network bandwidth.
/// </summary>
/// <remarks>
/// All quantities are integers so that every scheduling decision is computed with integer
/// arithmetic only and is bit-for-bit reproducible on any validator.
/// </remarks>
/// <param name="CpuMillicores">CPU in millicores (1000 = one core).</param>
/// <param name="MemoryBytes">Memory in bytes.</param>
/// <param name="DiskBytes">Disk in bytes.</param>
/// <param name="BandwidthBitsPerSecond">Network bandwidth in bits per second.</param>
public readonly record struct ResourceVector(long CpuMillicores, long MemoryBytes, long DiskBytes, long BandwidthBitsPerSecond)
{
    /// <summary>The empty vector.</summary>
    public static ResourceVector Zero => default;

    /// <summary>Component-wise sum.</summary>
    public static ResourceVector operator +(ResourceVector a, ResourceVector b) =>
        new(a.CpuMillicores + b.CpuMillicores, a.MemoryBytes + b.MemoryBytes, a.DiskBytes + b.DiskBytes, a.BandwidthBitsPerSecond + b.BandwidthBitsPerSecond);

    /// <summary>Component-wise difference.</summary>
    public static ResourceVector operator -(ResourceVector a, ResourceVector b) =>
        new(a.CpuMillicores - b.CpuMillicores, a.MemoryBytes - b.MemoryBytes, a.DiskBytes - b.DiskBytes, a.BandwidthBitsPerSecond - b.BandwidthBitsPerSecond);

    /// <summary>True when every component of this vector is less than or equal to <paramref name="limit"/>'s.</summary>
    public bool FitsWithin(ResourceVector limit) =>
        CpuMillicores <= limit.CpuMillicores && MemoryBytes <= limit.MemoryBytes &&
        DiskBytes <= limit.DiskBytes && BandwidthBitsPerSecond <= limit.BandwidthBitsPerSecond;

    /// <summary>True when any component is negative.</summary>
    public bool HasNegative => CpuMillicores < 0 || MemoryBytes < 0 || DiskBytes < 0 || BandwidthBitsPerSecond < 0;
}
