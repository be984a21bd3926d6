using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Workloads.Placement;

/// <summary>
/// <see cref="IPlacementCluster"/> over the cluster's grains: reads through the silo's
/// <see cref="ClusterViewCache"/> and marks every node it changes for a re-read, so the next placement on
/// this silo sees its own reservations.
/// </summary>
public sealed class GrainPlacementCluster(IGrainFactory grains, ClusterViewCache view) : IPlacementCluster
{
    /// <inheritdoc />
    public Task<ClusterView> ReadAsync() => view.ReadAsync();

    /// <inheritdoc />
    public Task<bool> TryReserveAsync(string nodeName, string workloadId, string instanceId, ResourceQuantities request, IReadOnlyList<string> victims) =>
        ChangingAsync(nodeName, () => grains.GetGrain<INodeGrain>(nodeName).TryReserveAsync(workloadId, instanceId, request, victims));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, int>?> AssignAsync(string nodeName, AssignedInstance instance) =>
        ChangingAsync(nodeName, () => grains.GetGrain<INodeInstancesGrain>(nodeName).AssignAsync(instance));

    /// <inheritdoc />
    public Task ReleaseAsync(string nodeName, string instanceId) =>
        ChangingAsync(nodeName, async () =>
        {
            await grains.GetGrain<INodeGrain>(nodeName).UnassignWorkloadAsync(instanceId);
            return true;
        });

    /// <inheritdoc />
    public Task ReleaseFinishedAsync(string nodeName, string instanceId) =>
        ChangingAsync(nodeName, async () =>
        {
            await grains.GetGrain<INodeInstancesGrain>(nodeName).MarkFinishedAsync(instanceId);
            await grains.GetGrain<INodeGrain>(nodeName).UnassignWorkloadAsync(instanceId);
            return true;
        });

    /// <inheritdoc />
    public Task ReleaseStoppedAsync(string nodeName, string instanceId) =>
        ChangingAsync(nodeName, async () =>
        {
            await grains.GetGrain<INodeInstancesGrain>(nodeName).UnassignAsync(instanceId);
            await grains.GetGrain<INodeGrain>(nodeName).UnassignWorkloadAsync(instanceId);
            return true;
        });

    /// <inheritdoc />
    public Task EvictAsync(InstanceEviction eviction) => grains.GetGrain<IWorkloadGrain>(eviction.WorkloadId).EvictAsync(eviction);

    // Marked after the call (whatever its outcome), so no concurrent read can consume the mark before the change lands.
    private async Task<T> ChangingAsync<T>(string nodeName, Func<Task<T>> change)
    {
        try
        {
            return await change();
        }
        finally
        {
            view.Invalidate(nodeName);
        }
    }
}
