namespace Enc.Scheduling.Model;

/// <summary>What a taint does to instances that do not tolerate it.</summary>
public enum TaintEffect
{
    /// <summary>Invalid sentinel.</summary>
    Unknown = 0,

    /// <summary>New instances that do not tolerate the taint are not placed on the node.</summary>
    NoSchedule = 1,

    /// <summary>The scheduler avoids the node for intolerant instances but may still use it.</summary>
    PreferNoSchedule = 2,

    /// <summary>Like <see cref="NoSchedule"/>, and running intolerant instances are evicted.</summary>
    NoExecute = 3,
}
