using Orleans.Placement;

namespace Enc.Grains.Interfaces.Nodes.Placement;

/// <summary>Opts a string-keyed grain class into <see cref="NodeSiloPlacementStrategy"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class NodeSiloPlacementAttribute : PlacementAttribute
{
    /// <summary>Creates the attribute.</summary>
    public NodeSiloPlacementAttribute()
        : base(NodeSiloPlacementStrategy.Instance)
    {
    }
}
