using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads.Placement;

namespace Enc.Grains.Workloads;

/// <summary>
/// Gives back the node reservations of instances that finished (Succeeded or Failed) on a reporting node. A
/// finished instance keeps its entry on the node (its logs stay readable) but no longer holds the node's
/// resources, like a completed pod or a complete Nomad allocation. The release is recorded on the instance
/// (<see cref="WorkloadInstance.NodeReleased"/>, persisted with the workload) only after the node calls
/// returned: a release that failed is tried again with the agent's next report, one that succeeded is not
/// repeated on every later report. Grain-free: the node calls go through <see cref="IPlacementCluster"/>.
/// </summary>
public sealed class FinishedInstanceReleaser(IPlacementCluster cluster)
{
    /// <summary>
    /// Releases <paramref name="planner"/>'s finished, not yet released instances on <paramref name="nodeName"/>
    /// that the node still reports; returns how many it released. A failing node call propagates: instances
    /// released before it stay recorded, the failed one and the rest are tried again next time.
    /// </summary>
    public async Task<int> ReleaseAsync(WorkloadPlanner planner, string nodeName, IReadOnlySet<string> reportedInstanceIds)
    {
        ArgumentNullException.ThrowIfNull(planner);
        var released = 0;
        foreach (var instance in planner.FinishedUnreleased(nodeName, reportedInstanceIds))
        {
            await cluster.ReleaseFinishedAsync(nodeName, instance.InstanceId);
            planner.MarkReleased(instance.InstanceId);
            released++;
        }

        return released;
    }
}
