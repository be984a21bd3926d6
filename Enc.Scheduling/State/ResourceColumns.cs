namespace Enc.Scheduling.State;

/// <summary>Struct-of-arrays storage of one resource vector per node: one contiguous column per resource.</summary>
/// <remarks>The fit filter and the allocation scorer stream these columns without touching node objects.</remarks>
public sealed class ResourceColumns
{
    internal ResourceColumns(int count)
    {
        Cpu = new long[count];
        Memory = new long[count];
        Disk = new long[count];
        Bandwidth = new long[count];
    }

    /// <summary>CPU millicores per node.</summary>
    public long[] Cpu { get; }

    /// <summary>Memory bytes per node.</summary>
    public long[] Memory { get; }

    /// <summary>Disk bytes per node.</summary>
    public long[] Disk { get; }

    /// <summary>Bandwidth bits per second per node.</summary>
    public long[] Bandwidth { get; }

    /// <summary>The vector of node <paramref name="node"/>.</summary>
    public ResourceVector Get(int node) => new(Cpu[node], Memory[node], Disk[node], Bandwidth[node]);

    internal void Set(int node, ResourceVector value)
    {
        Cpu[node] = value.CpuMillicores;
        Memory[node] = value.MemoryBytes;
        Disk[node] = value.DiskBytes;
        Bandwidth[node] = value.BandwidthBitsPerSecond;
    }

    internal void Add(int node, ResourceVector delta)
    {
        Cpu[node] += delta.CpuMillicores;
        Memory[node] += delta.MemoryBytes;
        Disk[node] += delta.DiskBytes;
        Bandwidth[node] += delta.BandwidthBitsPerSecond;
    }
}
