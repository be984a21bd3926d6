namespace Enc.Grains.Interfaces.Workloads;

/// <summary>One replica of a workload: where it runs and how it is doing.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Workloads.WorkloadInstance")]
public sealed record WorkloadInstance
{
    /// <summary>Cluster-unique instance id (lowercase letters, digits, '-'); also the task's name on its node.</summary>
    [Id(0)] public required string InstanceId { get; init; }

    /// <summary>The owning workload, "namespace/name".</summary>
    [Id(1)] public required string WorkloadId { get; init; }

    /// <summary>Version of the workload spec this instance runs (rolling updates replace older versions).</summary>
    [Id(2)] public required long SpecVersion { get; init; }

    /// <summary>Replica slot, 0-based.</summary>
    [Id(3)] public required int Ordinal { get; init; }

    /// <summary>Lifecycle state.</summary>
    [Id(4)] public required InstanceState State { get; init; }

    /// <summary>Node the instance is placed on; null while Pending.</summary>
    [Id(5)] public string? NodeName { get; init; }

    /// <summary>Exit code of the last run, when it has exited.</summary>
    [Id(6)] public int? ExitCode { get; init; }

    /// <summary>Why the instance is in its state (e.g. "exited with code 1", "health check failed", "no node fits").</summary>
    [Id(7)] public string? Reason { get; init; }

    /// <summary>When the current or last run started.</summary>
    [Id(8)] public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the last run ended.</summary>
    [Id(9)] public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Restarts performed by the node agent.</summary>
    [Id(10)] public int RestartCount { get; init; }

    /// <summary>Host ports by port name, after assignment.</summary>
    [Id(11)] public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int>();

    /// <summary>Driver task id (Docker container id or process driver task id), when started.</summary>
    [Id(12)] public string? TaskId { get; init; }

    /// <summary>When the instance record was created.</summary>
    [Id(13)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// True once the node gave back this instance's reservation after the instance ended (finished or was
    /// stopped); the workload then stops asking the node again on every report. False while it holds one,
    /// for an instance never placed, and in records written before this field existed (released once more).
    /// </summary>
    [Id(14)] public bool NodeReleased { get; init; }

    /// <summary>True for states an instance never leaves on its own.</summary>
    public bool IsTerminal => State is InstanceState.Succeeded or InstanceState.Failed or InstanceState.Stopped;
}
