namespace Enc.Grains.Interfaces.Scheduling;

/// <summary>What a scheduling decision concluded.</summary>
[GenerateSerializer]
[Alias("Enc.Scheduling.ExplanationOutcome")]
public enum ExplanationOutcome
{
    /// <summary>Not set; never a real outcome.</summary>
    Invalid = 0,

    /// <summary>The instance was placed on <see cref="SchedulingExplanation.NodeName"/> (possibly after preemption).</summary>
    Placed = 1,

    /// <summary>No node could take the instance; it waits for a cluster change.</summary>
    Pending = 2,
}
