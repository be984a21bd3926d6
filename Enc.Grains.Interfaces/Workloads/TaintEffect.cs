namespace Enc.Grains.Interfaces.Workloads;

/// <summary>What a node taint does to instances that do not tolerate it.</summary>
[GenerateSerializer]
[Alias("Enc.Workloads.TaintEffect")]
public enum TaintEffect
{
    /// <summary>Not set. On a toleration it means "every effect".</summary>
    Invalid = 0,

    /// <summary>New instances are not placed on the node.</summary>
    NoSchedule = 1,

    /// <summary>The scheduler avoids the node when it can.</summary>
    PreferNoSchedule = 2,

    /// <summary>Running instances that do not tolerate the taint are evicted.</summary>
    NoExecute = 3,
}
