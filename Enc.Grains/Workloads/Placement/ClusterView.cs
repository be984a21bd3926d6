using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;

namespace Enc.Grains.Workloads.Placement;

/// <summary>What a placement policy sees of the cluster: nodes, the instances placed on them, measured latencies.</summary>
/// <param name="Nodes">Every registered node.</param>
/// <param name="Instances">Instances assigned to nodes (from the nodes' instance grains).</param>
/// <param name="Latencies">Node-to-node round trips reported by the agents.</param>
public sealed record ClusterView(IReadOnlyList<NodeSnapshot> Nodes, IReadOnlyList<PlacedInstance> Instances, IReadOnlyList<NodeLatency> Latencies)
{
    /// <summary>A view with nodes only.</summary>
    public static ClusterView OfNodes(IReadOnlyList<NodeSnapshot> nodes) => new(nodes, [], []);
}
