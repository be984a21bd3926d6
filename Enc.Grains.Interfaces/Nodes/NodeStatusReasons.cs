namespace Enc.Grains.Interfaces.Nodes;

/// <summary>Named reasons recorded with every node status change.</summary>
public static class NodeStatusReasons
{
    /// <summary>The node's agent registered it (first start or restart).</summary>
    public const string Registered = "Registered";

    /// <summary>The node's agent confirmed readiness after registering.</summary>
    public const string AgentReady = "AgentReady";

    /// <summary>A heartbeat arrived after the node had been marked NotReady or Down.</summary>
    public const string HeartbeatResumed = "HeartbeatResumed";

    /// <summary>No heartbeat within the not-ready threshold.</summary>
    public const string HeartbeatLate = "HeartbeatLate";

    /// <summary>No heartbeat within the down threshold.</summary>
    public const string HeartbeatLost = "HeartbeatLost";

    /// <summary>The node's silo is no longer an active cluster member.</summary>
    public const string SiloLeftMembership = "SiloLeftMembership";

    /// <summary>The node's silo began a graceful shutdown.</summary>
    public const string ShutdownRequested = "ShutdownRequested";
}
