using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads.Placement;
using Enc.Scheduling.Evictions;
using Enc.Scheduling.Model;

namespace Enc.Grains.Scheduling;

/// <summary>
/// Applies the scheduler's <see cref="NoExecuteEvictor"/> to one node: which of its instances a NoExecute
/// taint evicts now (no matching toleration, or <c>tolerationSeconds</c> ran out) and when the next
/// time-limited toleration runs out.
/// </summary>
public static class NoExecuteEvictionPlanner
{
    /// <summary>Plans the evictions of <paramref name="node"/>'s <paramref name="assigned"/> instances at <paramref name="now"/>.</summary>
    public static NoExecuteEvictionPlan Plan(NodeSnapshot node, IReadOnlyList<AssignedInstance> assigned, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(assigned);
        if (!node.Taints.Any(t => t.Effect == Interfaces.Workloads.TaintEffect.NoExecute))
        {
            return new NoExecuteEvictionPlan([], null);
        }

        var snapshot = new ClusterSnapshot
        {
            Nodes = [SchedulingModelMapper.ToNodeInfo(node)],
            Instances = assigned.Where(a => !a.Finished).Select(a => SchedulingModelMapper.ToRunningInstance(new PlacedInstance(node.Name, a))).ToList(),
        };
        var evaluation = NoExecuteEvictor.Evaluate(snapshot, now);
        var evictNow = evaluation.EvictNow.Select(e => new InstanceEviction
        {
            InstanceId = e.InstanceId,
            WorkloadId = e.WorkloadId,
            NodeName = e.NodeId,
            Priority = e.Priority,
            Cause = EvictionCause.NoExecuteTaint,
            Reason = e.Reason,
        }).ToList();
        DateTimeOffset? next = evaluation.EvictLater.Count == 0 ? null : evaluation.EvictLater.Min(e => e.Due);
        return new NoExecuteEvictionPlan(evictNow, next);
    }
}
