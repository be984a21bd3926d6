using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Health;

/// <summary>
/// Schedules the probes of one running task and counts consecutive failures; the task is unhealthy
/// once <see cref="WorkloadHealthCheck.FailureThreshold"/> probes in a row failed.
/// </summary>
public sealed class HealthMonitor
{
    private readonly WorkloadHealthCheck _check;
    private readonly TimeProvider _time;

    /// <summary>Starts monitoring a task that started at <paramref name="startedAt"/>.</summary>
    public HealthMonitor(WorkloadHealthCheck check, TimeProvider time, DateTimeOffset startedAt)
    {
        _check = check ?? throw new ArgumentNullException(nameof(check));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        NextProbeAt = startedAt + check.InitialDelay;
    }

    /// <summary>Failed probes in a row.</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>When the next probe is due.</summary>
    public DateTimeOffset NextProbeAt { get; private set; }

    /// <summary>The last failure's detail.</summary>
    public string LastFailure { get; private set; } = "";

    /// <summary>True when a probe is due now.</summary>
    public bool IsDue() => _time.GetUtcNow() >= NextProbeAt;

    /// <summary>Records a probe's result; returns true when the task has become unhealthy.</summary>
    public bool Record(HealthProbeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        NextProbeAt = _time.GetUtcNow() + _check.Interval;
        if (result.IsHealthy)
        {
            ConsecutiveFailures = 0;
            return false;
        }

        ConsecutiveFailures++;
        LastFailure = result.Detail;
        return ConsecutiveFailures >= _check.FailureThreshold;
    }
}
