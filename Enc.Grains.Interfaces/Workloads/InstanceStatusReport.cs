namespace Enc.Grains.Interfaces.Workloads;

/// <summary>What a node agent observed about one instance in a reconcile pass.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Workloads.InstanceStatusReport")]
public sealed record InstanceStatusReport
{
    /// <summary>The instance.</summary>
    [Id(0)] public required string InstanceId { get; init; }

    /// <summary>The owning workload, "namespace/name".</summary>
    [Id(1)] public required string WorkloadId { get; init; }

    /// <summary>Observed state (Starting while waiting out a restart backoff).</summary>
    [Id(2)] public required InstanceState State { get; init; }

    /// <summary>Driver task id, when a task exists.</summary>
    [Id(3)] public string? TaskId { get; init; }

    /// <summary>Exit code of the last run.</summary>
    [Id(4)] public int? ExitCode { get; init; }

    /// <summary>Why (exit, health check failure, start error, backoff).</summary>
    [Id(5)] public string? Reason { get; init; }

    /// <summary>When the current or last run started.</summary>
    [Id(6)] public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the last run ended.</summary>
    [Id(7)] public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Restarts performed so far.</summary>
    [Id(8)] public int RestartCount { get; init; }

    /// <summary>When the agent observed this.</summary>
    [Id(9)] public DateTimeOffset ObservedAt { get; init; }
}
