using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Workloads.Placement;

/// <summary>
/// The side effects of placing instances, so that <see cref="PendingInstancePlacer"/> stays a plain class:
/// the grain implementation (<see cref="GrainPlacementCluster"/>) calls node, instance and workload grains.
/// </summary>
public interface IPlacementCluster
{
    /// <summary>Reads the cluster: nodes, placed instances, latencies.</summary>
    Task<ClusterView> ReadAsync();

    /// <summary>
    /// Atomically reserves on a node for instance <paramref name="instanceId"/> of workload <paramref name="workloadId"/>
    /// (recorded by the node for its reservation audit), first releasing <paramref name="victims"/>' reservations
    /// (preemption); false when it no longer fits.
    /// </summary>
    Task<bool> TryReserveAsync(string nodeName, string workloadId, string instanceId, ResourceQuantities request, IReadOnlyList<string> victims);

    /// <summary>Hands the instance to the node's agent; returns its host ports, or null when its ports are taken there.</summary>
    Task<IReadOnlyDictionary<string, int>?> AssignAsync(string nodeName, AssignedInstance instance);

    /// <summary>Releases a reservation made by <see cref="TryReserveAsync"/> that could not be assigned.</summary>
    Task ReleaseAsync(string nodeName, string instanceId);

    /// <summary>
    /// Gives back the node reservation of an instance that finished there (Succeeded or Failed), keeping its
    /// entry on the node so its logs stay readable. Changes nothing when already given back.
    /// </summary>
    Task ReleaseFinishedAsync(string nodeName, string instanceId);

    /// <summary>
    /// Takes a stopped instance off its node (the node's agent stops and removes its task) and gives back its
    /// node reservation. Changes nothing when already done.
    /// </summary>
    Task ReleaseStoppedAsync(string nodeName, string instanceId);

    /// <summary>Tells the victim's workload its instance was evicted (it stops it and waits Pending for a new place).</summary>
    Task EvictAsync(InstanceEviction eviction);
}
