namespace Enc.Scheduling.Model;

/// <summary>A node's readiness as the scheduler sees it.</summary>
public enum NodeStatus
{
    /// <summary>Invalid sentinel; never a real status.</summary>
    Unknown = 0,

    /// <summary>The node accepts new instances.</summary>
    Ready = 1,

    /// <summary>The node is unreachable or unhealthy; it accepts nothing.</summary>
    Down = 2,

    /// <summary>The node keeps running instances but accepts no new ones (cordoned, draining).</summary>
    Cordoned = 3,
}
