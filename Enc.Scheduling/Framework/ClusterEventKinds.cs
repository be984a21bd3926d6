namespace Enc.Scheduling.Framework;

/// <summary>Kinds of cluster change that may make a pending request schedulable.</summary>
[Flags]
public enum ClusterEventKinds
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>A node joined.</summary>
    NodeAdded = 1,

    /// <summary>A node's labels, zone or region changed.</summary>
    NodeLabelsChanged = 2,

    /// <summary>A node's taints changed.</summary>
    NodeTaintsChanged = 4,

    /// <summary>A node's status changed (for example became Ready).</summary>
    NodeStatusChanged = 8,

    /// <summary>A node's capacity grew.</summary>
    NodeCapacityChanged = 16,

    /// <summary>An instance stopped or was removed, freeing resources.</summary>
    InstanceRemoved = 32,

    /// <summary>An instance was placed (may satisfy affinity or spread).</summary>
    InstanceAdded = 64,

    /// <summary>Every kind.</summary>
    All = NodeAdded | NodeLabelsChanged | NodeTaintsChanged | NodeStatusChanged | NodeCapacityChanged | InstanceRemoved | InstanceAdded,
}
