namespace Enc.Agent.Drivers;

/// <summary>A driver's view of one task (container or process) at one moment.</summary>
public sealed record TaskInfo
{
    /// <summary>Driver task id (container id, or the process driver's task id).</summary>
    public required string TaskId { get; init; }

    /// <summary>Instance the task belongs to (from its label or task record).</summary>
    public required string InstanceId { get; init; }

    /// <summary>Workload "namespace/name" the task belongs to.</summary>
    public required string WorkloadId { get; init; }

    /// <summary>Spec version the task was started with.</summary>
    public long SpecVersion { get; init; }

    /// <summary>Restart count the task was started with.</summary>
    public int RestartCount { get; init; }

    /// <summary>Observed state.</summary>
    public required TaskRunState State { get; init; }

    /// <summary>Exit code when <see cref="State"/> is <see cref="TaskRunState.Exited"/> and it is known.</summary>
    public int? ExitCode { get; init; }

    /// <summary>When the task started (null before it started).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the task exited.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Extra detail (e.g. "OOM killed", "process vanished").</summary>
    public string? Reason { get; init; }
}
