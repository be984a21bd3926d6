namespace Enc.Grains.Interfaces.Scheduling;

/// <summary>Why an instance was evicted.</summary>
[GenerateSerializer]
[Alias("Enc.Scheduling.EvictionCause")]
public enum EvictionCause
{
    /// <summary>Not set; never a real cause.</summary>
    Invalid = 0,

    /// <summary>A pending higher-priority workload needed the room (minimal victim set).</summary>
    Preemption = 1,

    /// <summary>The node has a <c>NoExecute</c> taint the instance does not tolerate (or no longer tolerates).</summary>
    NoExecuteTaint = 2,
}
