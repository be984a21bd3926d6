using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads.Placement;
using Microsoft.Extensions.Logging;

namespace Enc.Grains.Workloads;

/// <summary>
/// Gives back the node reservations of a workload's instances that ended: finished (Succeeded or Failed: the
/// instance keeps its entry on the node so its logs stay readable, like a completed pod or a complete Nomad
/// allocation) or stopped (the instance is taken off the node, whose agent stops its task; so is every instance
/// of a workload being deleted, finished ones included, so that no entry it still knows outlives the workload). Both go through
/// <see cref="IPlacementCluster"/>, so the placement cache re-reads the node. Each release is recorded on its
/// instance (<see cref="WorkloadInstance.NodeReleased"/>, persisted with the workload) only after the node
/// calls returned. Releases are independent: one that fails is logged and stays pending (the grain tries it
/// again after its next operation and on its retry timer) while the others and the rest of the operation go
/// on. Grain-free, so unit tests drive it with a fake cluster.
/// </summary>
public sealed partial class TerminalInstanceReleaser(IPlacementCluster cluster, ILogger logger)
{
    /// <summary>
    /// Releases every instance of <paramref name="planner"/> whose release is pending
    /// (<see cref="WorkloadPlanner.PendingReleases"/>); returns how many it released. Never throws for a
    /// failed node call: the instance stays pending and the failure is logged with its workload, instance and node.
    /// </summary>
    public async Task<int> ReleaseAsync(WorkloadPlanner planner)
    {
        ArgumentNullException.ThrowIfNull(planner);
        var released = 0;
        foreach (var instance in planner.PendingReleases())
        {
            var nodeName = instance.NodeName!;
            try
            {
                if (instance.State == InstanceState.Stopped || planner.Deleting)
                {
                    await cluster.ReleaseStoppedAsync(nodeName, instance.InstanceId);
                }
                else
                {
                    await cluster.ReleaseFinishedAsync(nodeName, instance.InstanceId);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogReleaseFailed(ex, instance.WorkloadId, instance.InstanceId, nodeName, instance.State);
                continue;
            }

            planner.MarkReleased(instance.InstanceId);
            released++;
        }

        return released;
    }
}
