using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Workloads.Placement;

/// <summary><see cref="IPlacementCluster"/> over the cluster's grains.</summary>
public sealed class GrainPlacementCluster(IGrainFactory grains) : IPlacementCluster
{
    /// <inheritdoc />
    public async Task<ClusterView> ReadAsync()
    {
        var nodes = await grains.GetGrain<INodeRegistryGrain>(INodeRegistryGrain.DefaultKey).ListAsync();
        var withReservations = nodes.Where(n => n.Workloads.Count > 0).ToList();
        var lists = await Task.WhenAll(withReservations.Select(n => grains.GetGrain<INodeInstancesGrain>(n.Name).ListAsync()));
        var instances = withReservations.Zip(lists)
            .SelectMany(pair => pair.Second.Where(a => !a.Finished).Select(a => new PlacedInstance(pair.First.Name, a)))
            .ToList();
        var latencies = await grains.GetGrain<ILatencyRegistryGrain>(ILatencyRegistryGrain.DefaultKey).ListAsync();
        return new ClusterView(nodes, instances, latencies);
    }

    /// <inheritdoc />
    public Task<bool> TryReserveAsync(string nodeName, string instanceId, ResourceQuantities request, IReadOnlyList<string> victims) =>
        victims.Count == 0
            ? grains.GetGrain<INodeGrain>(nodeName).TryAssignWorkloadAsync(instanceId, request)
            : grains.GetGrain<INodeGrain>(nodeName).TryAssignPreemptingAsync(instanceId, request, victims);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, int>?> AssignAsync(string nodeName, AssignedInstance instance) =>
        grains.GetGrain<INodeInstancesGrain>(nodeName).AssignAsync(instance);

    /// <inheritdoc />
    public Task ReleaseAsync(string nodeName, string instanceId) => grains.GetGrain<INodeGrain>(nodeName).UnassignWorkloadAsync(instanceId);

    /// <inheritdoc />
    public Task EvictAsync(InstanceEviction eviction) => grains.GetGrain<IWorkloadGrain>(eviction.WorkloadId).EvictAsync(eviction);
}
