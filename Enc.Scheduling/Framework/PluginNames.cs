namespace Enc.Scheduling.Framework;

/// <summary>Names of the built-in plugins (the keys of <see cref="PluginRegistry"/> and of score weights).</summary>
public static class PluginNames
{
    /// <summary>Rejects nodes that are not Ready.</summary>
    public const string NodeStatus = "NodeStatus";

    /// <summary>Equality node selector.</summary>
    public const string NodeSelector = "NodeSelector";

    /// <summary>Required (filter) and preferred (score) node affinity.</summary>
    public const string NodeAffinity = "NodeAffinity";

    /// <summary>Taints and tolerations (filter for NoSchedule/NoExecute, score for PreferNoSchedule).</summary>
    public const string TaintToleration = "TaintToleration";

    /// <summary>Free CPU, memory, disk and bandwidth.</summary>
    public const string NodeResourcesFit = "NodeResourcesFit";

    /// <summary>Workload affinity and anti-affinity (required: filter, preferred: score).</summary>
    public const string WorkloadAffinity = "WorkloadAffinity";

    /// <summary>Zone spread with a maximum skew.</summary>
    public const string ZoneSpread = "ZoneSpread";

    /// <summary>Binpack or spread score over the four resources.</summary>
    public const string NodeResourcesAllocation = "NodeResourcesAllocation";

    /// <summary>Prefers nodes with low round-trip latency to the workloads a request talks to.</summary>
    public const string TopologyLatency = "TopologyLatency";
}
