namespace Enc.Agent.Drivers.Process;

/// <summary>What the process driver persists per task (task.json), so a new agent can adopt the process.</summary>
internal sealed record ProcessTaskRecord
{
    public required string InstanceId { get; init; }

    public required string WorkloadId { get; init; }

    public long SpecVersion { get; init; }

    public int RestartCount { get; init; }

    /// <summary>Pid of the launch wrapper (the session and process-group leader of the task).</summary>
    public int Pid { get; init; }

    /// <summary>The wrapper's start time in clock ticks since boot (/proc/PID/stat field 22), guarding against pid reuse.</summary>
    public long PidStartTicks { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public required IReadOnlyList<string> Command { get; init; }

    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    public ProcessLimitEnforcement Enforcement { get; init; }

    /// <summary>cgroup directories the task was placed in (removed with the task).</summary>
    public IReadOnlyList<string> Cgroups { get; init; } = [];
}
