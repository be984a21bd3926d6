namespace Enc.Scheduling.Plugins;

/// <summary>The node must have enough free CPU, memory, disk and network bandwidth for one replica.</summary>
/// <remarks>Reads the struct-of-arrays columns directly: four compares per node, no allocation.</remarks>
public sealed class NodeResourcesFitPlugin : IFilterPlugin
{
    /// <summary>Plugin name.</summary>
    public const string PluginName = PluginNames.NodeResourcesFit;

    /// <inheritdoc/>
    public string Name => PluginName;

    /// <inheritdoc/>
    public ClusterEventKinds RequeueOn =>
        ClusterEventKinds.NodeAdded | ClusterEventKinds.InstanceRemoved | ClusterEventKinds.NodeCapacityChanged;

    /// <inheritdoc/>
    public FilterStatus Filter(SchedulingCycle cycle, int node)
    {
        var request = cycle.Request.Resources;
        var capacity = cycle.State.Capacity;
        var allocated = cycle.State.Allocated;
        if (allocated.Cpu[node] + request.CpuMillicores > capacity.Cpu[node])
        {
            return FilterStatus.Unschedulable(RejectionReasons.InsufficientCpu);
        }

        if (allocated.Memory[node] + request.MemoryBytes > capacity.Memory[node])
        {
            return FilterStatus.Unschedulable(RejectionReasons.InsufficientMemory);
        }

        if (allocated.Disk[node] + request.DiskBytes > capacity.Disk[node])
        {
            return FilterStatus.Unschedulable(RejectionReasons.InsufficientDisk);
        }

        if (allocated.Bandwidth[node] + request.BandwidthBitsPerSecond > capacity.Bandwidth[node])
        {
            return FilterStatus.Unschedulable(RejectionReasons.InsufficientBandwidth);
        }

        return FilterStatus.Success;
    }
}
