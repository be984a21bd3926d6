namespace Enc.Grains.Interfaces.Workloads;

/// <summary>Something that happened to a workload or one of its instances.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Workloads.WorkloadEvent")]
public sealed record WorkloadEvent
{
    /// <summary>When.</summary>
    [Id(0)] public required DateTimeOffset At { get; init; }

    /// <summary>Workload "namespace/name".</summary>
    [Id(1)] public required string WorkloadId { get; init; }

    /// <summary>Instance concerned, if any.</summary>
    [Id(2)] public string? InstanceId { get; init; }

    /// <summary>Short kind: Submitted, Updated, Scheduled, Unschedulable, Running, Exited, Restarted, Stopped, NodeLost, Deleted.</summary>
    [Id(3)] public required string Kind { get; init; }

    /// <summary>Human-readable detail.</summary>
    [Id(4)] public required string Message { get; init; }
}
