using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Lifecycle;

/// <summary>
/// Applies a restart policy to one instance: decides whether an exit leads to a restart and when, with
/// exponential backoff <c>min(base × 2^n, cap)</c> where <c>n</c> counts consecutive restarts; a run that
/// lasted at least <see cref="WorkloadRestartPolicy.ResetAfter"/> resets <c>n</c> to 0.
/// </summary>
public sealed class RestartTracker
{
    private readonly WorkloadRestartPolicy _policy;
    private readonly TimeProvider _time;
    private int _consecutive;

    /// <summary>Creates a tracker; <paramref name="restartCount"/> carries the count over from an adopted task.</summary>
    public RestartTracker(WorkloadRestartPolicy policy, TimeProvider time, int restartCount = 0)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        RestartCount = restartCount;
    }

    /// <summary>Restarts performed so far.</summary>
    public int RestartCount { get; private set; }

    /// <summary>The pending decision after the last exit, if any.</summary>
    public RestartDecision? Pending { get; private set; }

    /// <summary>The delay before consecutive restart number <paramref name="consecutive"/> (0-based).</summary>
    public static TimeSpan Backoff(WorkloadRestartPolicy policy, int consecutive)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var ticks = (double)policy.BackoffBase.Ticks * Math.Pow(2, Math.Min(consecutive, 62));
        return ticks >= policy.BackoffCap.Ticks ? policy.BackoffCap : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>True when the policy restarts after this exit.</summary>
    public static bool ShouldRestart(RestartMode mode, int? exitCode, bool failedHealthCheck) => mode switch
    {
        RestartMode.Always => true,
        RestartMode.OnFailure => failedHealthCheck || exitCode is not 0,
        _ => false,
    };

    /// <summary>Records an exit (or a failed start with <paramref name="exitCode"/> null) and decides about a restart.</summary>
    public RestartDecision OnExit(int? exitCode, bool failedHealthCheck, TimeSpan ranFor)
    {
        var now = _time.GetUtcNow();
        if (!ShouldRestart(_policy.Mode, exitCode, failedHealthCheck))
        {
            Pending = null;
            return new RestartDecision(false, TimeSpan.Zero, now);
        }

        if (ranFor >= _policy.ResetAfter)
        {
            _consecutive = 0;
        }

        var delay = Backoff(_policy, _consecutive);
        _consecutive++;
        Pending = new RestartDecision(true, delay, now + delay);
        return Pending;
    }

    /// <summary>True when a restart is pending and its backoff has elapsed.</summary>
    public bool IsRestartDue() => Pending is { } p && _time.GetUtcNow() >= p.NotBefore;

    /// <summary>Records that the pending restart was performed.</summary>
    public void OnRestarted()
    {
        Pending = null;
        RestartCount++;
    }
}
