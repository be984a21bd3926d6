namespace Enc.Scheduling.Framework;

/// <summary>
/// Runs once per cycle after node-class verdicts are known and before any node is filtered.
/// </summary>
/// <remarks>
/// Called by the pipeline at the start of every cycle. Computes per-cycle state (counts, match sets)
/// or rejects the whole request: a non-success status makes the cycle Pending without scanning nodes.
/// </remarks>
public interface IPreFilterPlugin : ISchedulerPlugin
{
    /// <summary>Prepares the cycle; returns <see cref="FilterStatus.Success"/> or a request-wide rejection.</summary>
    FilterStatus PreFilter(SchedulingCycle cycle);
}
