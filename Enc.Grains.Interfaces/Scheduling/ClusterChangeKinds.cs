namespace Enc.Grains.Interfaces.Scheduling;

/// <summary>
/// Cluster changes that may let a pending instance fit (the wire twin of the scheduler's
/// <c>ClusterEventKinds</c>; same bit values).
/// </summary>
[Flags]
[GenerateSerializer]
[Alias("Enc.Scheduling.ClusterChangeKinds")]
public enum ClusterChangeKinds
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>A node joined.</summary>
    NodeAdded = 1,

    /// <summary>A node's labels changed.</summary>
    NodeLabelsChanged = 2,

    /// <summary>A node's taints changed.</summary>
    NodeTaintsChanged = 4,

    /// <summary>A node's status changed (e.g. became Ready).</summary>
    NodeStatusChanged = 8,

    /// <summary>A node's capacity changed.</summary>
    NodeCapacityChanged = 16,

    /// <summary>An instance stopped or was removed, freeing resources.</summary>
    InstanceRemoved = 32,

    /// <summary>An instance was placed.</summary>
    InstanceAdded = 64,

    /// <summary>Every kind.</summary>
    All = NodeAdded | NodeLabelsChanged | NodeTaintsChanged | NodeStatusChanged | NodeCapacityChanged | InstanceRemoved | InstanceAdded,
}
