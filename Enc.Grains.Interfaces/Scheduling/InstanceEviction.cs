namespace Enc.Grains.Interfaces.Scheduling;

/// <summary>An instance the scheduler takes off its node: a preemption victim or a NoExecute taint's target.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Scheduling.InstanceEviction")]
public sealed record InstanceEviction
{
    /// <summary>The evicted instance.</summary>
    [Id(0)] public required string InstanceId { get; init; }

    /// <summary>Its workload (<c>namespace/name</c>).</summary>
    [Id(1)] public required string WorkloadId { get; init; }

    /// <summary>The node it is taken off.</summary>
    [Id(2)] public required string NodeName { get; init; }

    /// <summary>Why it is evicted.</summary>
    [Id(3)] public required EvictionCause Cause { get; init; }

    /// <summary>Readable reason, e.g. <c>preempted by default/critical (priority 100)</c>.</summary>
    [Id(4)] public required string Reason { get; init; }

    /// <summary>Priority of the evicted instance's workload.</summary>
    [Id(5)] public int Priority { get; init; }

    /// <summary>The workload whose placement caused a preemption; empty for taint evictions.</summary>
    [Id(6)] public string PreemptorWorkloadId { get; init; } = "";
}
