namespace Enc.Grains.Interfaces.Nodes;

/// <summary>The lifecycle status of an ENC node.</summary>
[GenerateSerializer]
[Alias("Enc.Nodes.NodeStatus")]
public enum NodeStatus
{
    /// <summary>Reserved sentinel: never a valid status (an uninitialised value).</summary>
    Invalid = 0,

    /// <summary>The node registered but has not yet confirmed it is ready.</summary>
    Joining = 1,

    /// <summary>The node heartbeats on time and its silo is a cluster member.</summary>
    Ready = 2,

    /// <summary>Heartbeats are late or the silo left the membership; the node may come back.</summary>
    NotReady = 3,

    /// <summary>The node is shutting down gracefully.</summary>
    Leaving = 4,

    /// <summary>The node has been silent past the down threshold, or left the cluster.</summary>
    Down = 5,
}
