using Enc.Agent.Health;
using Enc.Agent.Tests.Support;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Tests.Lifecycle;

public sealed class HealthMonitorTests
{
    private static readonly WorkloadHealthCheck Check = new()
    {
        Type = HealthCheckType.Exec,
        Command = ["true"],
        Interval = TimeSpan.FromSeconds(5),
        Timeout = TimeSpan.FromSeconds(1),
        FailureThreshold = 3,
        InitialDelay = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public void WaitsForInitialDelayThenEveryInterval()
    {
        var time = new ManualTimeProvider();
        var monitor = new HealthMonitor(Check, time, time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(monitor.IsDue());
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(monitor.IsDue());
        monitor.Record(HealthProbeResult.Healthy);
        Assert.False(monitor.IsDue());
        time.Advance(Check.Interval);
        Assert.True(monitor.IsDue());
    }

    [Fact]
    public void UnhealthyOnlyAfterThresholdConsecutiveFailures()
    {
        var monitor = new HealthMonitor(Check, new ManualTimeProvider(), DateTimeOffset.MinValue);
        Assert.False(monitor.Record(HealthProbeResult.Unhealthy("a")));
        Assert.False(monitor.Record(HealthProbeResult.Unhealthy("b")));
        Assert.False(monitor.Record(HealthProbeResult.Healthy));
        Assert.Equal(0, monitor.ConsecutiveFailures);
        Assert.False(monitor.Record(HealthProbeResult.Unhealthy("c")));
        Assert.False(monitor.Record(HealthProbeResult.Unhealthy("d")));
        Assert.True(monitor.Record(HealthProbeResult.Unhealthy("e")));
        Assert.Equal("e", monitor.LastFailure);
    }
}
