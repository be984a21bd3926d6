namespace Enc.Grains.Interfaces.Nodes;

/// <summary>A node's resource capacity and what is currently allocated to workloads.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Nodes.NodeResources")]
public sealed record NodeResources
{
    /// <summary>Total capacity the node offers to workloads.</summary>
    [Id(0)] public required ResourceQuantities Capacity { get; init; }

    /// <summary>Sum of the reservations currently held by workloads on the node.</summary>
    [Id(1)] public required ResourceQuantities Allocated { get; init; }

    /// <summary>Capacity minus allocations.</summary>
    public ResourceQuantities Free => Capacity.Subtract(Allocated);
}
