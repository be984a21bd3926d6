namespace Enc.Scheduling.Explain;

/// <summary>What a scheduling cycle concluded.</summary>
public enum SchedulingOutcome
{
    /// <summary>Invalid sentinel.</summary>
    Unknown = 0,

    /// <summary>The replica was placed (possibly after preempting lower-priority instances).</summary>
    Placed = 1,

    /// <summary>No node can take the replica now; it waits for a cluster change.</summary>
    Pending = 2,
}
