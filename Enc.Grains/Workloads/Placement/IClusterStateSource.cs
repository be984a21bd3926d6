using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Workloads.Placement;

/// <summary>Where <see cref="ClusterViewCache"/> reads cluster state from (the grains, in a silo).</summary>
public interface IClusterStateSource
{
    /// <summary>The registry's change log since a position (<see cref="INodeRegistryGrain.ChangesSinceAsync"/>).</summary>
    Task<NodeChangeSet> ChangesSinceAsync(Guid epoch, long sequence);

    /// <summary>A node's snapshot; null when it was never registered.</summary>
    Task<NodeSnapshot?> GetNodeAsync(string nodeName);

    /// <summary>The instances assigned to a node, finished ones included.</summary>
    Task<IReadOnlyList<AssignedInstance>> ListInstancesAsync(string nodeName);

    /// <summary>The latest node-to-node latencies.</summary>
    Task<IReadOnlyList<NodeLatency>> ListLatenciesAsync();
}
