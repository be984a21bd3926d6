namespace Enc.Scheduling.Framework;

/// <summary>Result code of a filter or pre-filter plugin.</summary>
public enum FilterCode : byte
{
    /// <summary>Invalid sentinel; a plugin never returns it.</summary>
    Unknown = 0,

    /// <summary>The node (or request) passes.</summary>
    Success = 1,

    /// <summary>Rejected; evicting lower-priority instances from the node could make it pass (preemption may help).</summary>
    Unschedulable = 2,

    /// <summary>Rejected for a reason preemption cannot change (labels, taints, affinity, spread).</summary>
    UnschedulableAndUnresolvable = 3,
}
