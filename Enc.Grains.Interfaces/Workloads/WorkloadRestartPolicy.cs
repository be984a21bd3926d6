namespace Enc.Grains.Interfaces.Workloads;

/// <summary>
/// When and how fast exited instances are restarted. The delay before restart <c>n</c> (0-based) is
/// <c>min(BackoffBase × 2^n, BackoffCap)</c>; the count of consecutive restarts resets once an
/// instance has run for <see cref="ResetAfter"/>.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Workloads.WorkloadRestartPolicy")]
public sealed record WorkloadRestartPolicy
{
    /// <summary>The default policy: Always, 1 s base, 5 min cap, reset after 10 min (kubelet's numbers, base aside).</summary>
    public static WorkloadRestartPolicy Default { get; } = new()
    {
        Mode = RestartMode.Always,
        BackoffBase = TimeSpan.FromSeconds(1),
        BackoffCap = TimeSpan.FromMinutes(5),
        ResetAfter = TimeSpan.FromMinutes(10),
    };

    /// <summary>When to restart.</summary>
    [Id(0)] public required RestartMode Mode { get; init; }

    /// <summary>Delay before the first restart; doubles for each consecutive one.</summary>
    [Id(1)] public required TimeSpan BackoffBase { get; init; }

    /// <summary>Upper bound on the delay.</summary>
    [Id(2)] public required TimeSpan BackoffCap { get; init; }

    /// <summary>An instance that ran at least this long restarts with the base delay again.</summary>
    [Id(3)] public TimeSpan ResetAfter { get; init; } = TimeSpan.FromMinutes(10);
}
