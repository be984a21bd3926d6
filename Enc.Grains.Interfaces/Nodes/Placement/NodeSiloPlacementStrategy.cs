namespace Enc.Grains.Interfaces.Nodes.Placement;

/// <summary>
/// Places a grain keyed by a node name on the silo with that name, so a node's grain lives with its
/// node. When that silo is not an active member the grain is placed on a compatible silo instead
/// (so a Down node can still be inspected) and moves home once the node re-registers.
/// </summary>
[Serializable, GenerateSerializer, Immutable, SuppressReferenceTracking]
[Alias("Enc.Nodes.NodeSiloPlacementStrategy")]
public sealed class NodeSiloPlacementStrategy : PlacementStrategy
{
    /// <summary>The single instance of the strategy (it carries no data).</summary>
    public static NodeSiloPlacementStrategy Instance { get; } = new();
}
