namespace Enc.Scheduling.Framework;

/// <summary>Every reason a filter can reject a node or a request. Reasons are compared by value in tests and shown to users.</summary>
public static class RejectionReasons
{
    /// <summary>The node's status is Down or Unknown.</summary>
    public const string NodeNotReady = "node is not ready";

    /// <summary>The node is cordoned (accepts no new instances).</summary>
    public const string NodeCordoned = "node is cordoned";

    /// <summary>A node selector label is missing or has another value.</summary>
    public const string NodeSelectorMismatch = "node didn't match the node selector";

    /// <summary>No required node-affinity term matches the node's labels.</summary>
    public const string NodeAffinityMismatch = "node didn't match required node affinity";

    /// <summary>The node has a NoSchedule or NoExecute taint the request does not tolerate.</summary>
    public const string UntoleratedTaint = "node has a taint the workload doesn't tolerate";

    /// <summary>Not enough free CPU.</summary>
    public const string InsufficientCpu = "insufficient cpu";

    /// <summary>Not enough free memory.</summary>
    public const string InsufficientMemory = "insufficient memory";

    /// <summary>Not enough free disk.</summary>
    public const string InsufficientDisk = "insufficient disk";

    /// <summary>Not enough free network bandwidth.</summary>
    public const string InsufficientBandwidth = "insufficient network bandwidth";

    /// <summary>A required workload-affinity term has no matching instance in the node's domain.</summary>
    public const string WorkloadAffinityMismatch = "node didn't match workload affinity";

    /// <summary>A required workload-anti-affinity term has a matching instance in the node's domain.</summary>
    public const string WorkloadAntiAffinityConflict = "node conflicts with workload anti-affinity";

    /// <summary>Placing here would make the workload's zone counts differ by more than the max skew.</summary>
    public const string ZoneSpreadSkew = "placement would exceed the zone spread max skew";

    /// <summary>Zone spread is required and the node has no zone.</summary>
    public const string NodeHasNoZone = "node has no zone";

    /// <summary>The cluster has no nodes at all.</summary>
    public const string NoNodes = "cluster has no nodes";
}
