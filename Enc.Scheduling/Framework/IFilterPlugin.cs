namespace Enc.Scheduling.Framework;

/// <summary>A per-node filter over mutable state (allocations, placed instances).</summary>
/// <remarks>
/// Called in the node scan for nodes whose class passed, cheapest plugin first; the first rejection
/// stops evaluation of that node. Must not allocate.
/// </remarks>
public interface IFilterPlugin : ISchedulerPlugin
{
    /// <summary>Filters node <paramref name="node"/> (an ordinal into <see cref="SchedulerState"/>).</summary>
    FilterStatus Filter(SchedulingCycle cycle, int node);
}
