namespace Enc.Scheduling.Plugins;

/// <summary>
/// Scores a node by its utilization after placing the replica, averaged over CPU, memory, disk and
/// bandwidth: <c>binpack</c> scores fuller nodes higher, <c>spread</c> emptier ones.
/// </summary>
/// <remarks>
/// Utilization of resource r is <c>(allocated + request) * 100 / capacity</c>, computed by
/// <see cref="SchedulerState.Percentage"/> from a per-node fixed-point reciprocal precomputed in
/// <see cref="SchedulerState"/>: integer-only (deterministic everywhere) and a multiply instead of a divide.
/// Resources with zero capacity on a node are left out of that node's average.
/// </remarks>
public sealed class NodeResourcesAllocationPlugin : IScorePlugin
{
    /// <summary>Plugin name.</summary>
    public const string PluginName = PluginNames.NodeResourcesAllocation;

    /// <inheritdoc/>
    public string Name => PluginName;

    /// <inheritdoc/>
    public ClusterEventKinds RequeueOn => ClusterEventKinds.None;

    /// <inheritdoc/>
    public bool PreScore(SchedulingCycle cycle, ReadOnlySpan<int> candidates) => true;

    /// <inheritdoc/>
    public int Score(SchedulingCycle cycle, int node)
    {
        var state = cycle.State;
        var request = cycle.Request.Resources;
        var allocated = state.Allocated;
        var reciprocal = state.CapacityReciprocal;
        long sum = 0;
        var counted = 0;
        Accumulate(allocated.Cpu[node] + request.CpuMillicores, reciprocal.Cpu[node], ref sum, ref counted);
        Accumulate(allocated.Memory[node] + request.MemoryBytes, reciprocal.Memory[node], ref sum, ref counted);
        Accumulate(allocated.Disk[node] + request.DiskBytes, reciprocal.Disk[node], ref sum, ref counted);
        Accumulate(allocated.Bandwidth[node] + request.BandwidthBitsPerSecond, reciprocal.Bandwidth[node], ref sum, ref counted);
        var utilization = counted == 0 ? 0 : (int)(sum / counted);
        return cycle.IsBinpack ? utilization : ScoreNormalization.MaxScore - utilization;
    }

    /// <inheritdoc/>
    public void Normalize(SchedulingCycle cycle, Span<int> scores)
    {
        // Scores already are 0..100 percentages.
    }

    private static void Accumulate(long used, long reciprocal, ref long sum, ref int counted)
    {
        if (reciprocal == 0)
        {
            return;
        }

        sum += Math.Min(ScoreNormalization.MaxScore, SchedulerState.Percentage(Math.Max(0, used), reciprocal));
        counted++;
    }
}
