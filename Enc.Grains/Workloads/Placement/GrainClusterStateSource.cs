using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Workloads.Placement;

/// <summary><see cref="IClusterStateSource"/> over the cluster's grains.</summary>
public sealed class GrainClusterStateSource(IGrainFactory grains) : IClusterStateSource
{
    /// <inheritdoc />
    public Task<NodeChangeSet> ChangesSinceAsync(Guid epoch, long sequence) =>
        grains.GetGrain<INodeRegistryGrain>(INodeRegistryGrain.DefaultKey).ChangesSinceAsync(epoch, sequence);

    /// <inheritdoc />
    public Task<NodeSnapshot?> GetNodeAsync(string nodeName) => grains.GetGrain<INodeGrain>(nodeName).GetAsync();

    /// <inheritdoc />
    public Task<IReadOnlyList<AssignedInstance>> ListInstancesAsync(string nodeName) => grains.GetGrain<INodeInstancesGrain>(nodeName).ListAsync();

    /// <inheritdoc />
    public Task<IReadOnlyList<NodeLatency>> ListLatenciesAsync() =>
        grains.GetGrain<ILatencyRegistryGrain>(ILatencyRegistryGrain.DefaultKey).ListAsync();
}
