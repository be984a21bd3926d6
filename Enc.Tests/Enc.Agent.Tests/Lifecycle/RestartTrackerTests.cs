using Enc.Agent.Lifecycle;
using Enc.Agent.Tests.Support;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Tests.Lifecycle;

public sealed class RestartTrackerTests
{
    private static readonly WorkloadRestartPolicy Policy = new()
    {
        Mode = RestartMode.Always,
        BackoffBase = TimeSpan.FromSeconds(1),
        BackoffCap = TimeSpan.FromSeconds(10),
        ResetAfter = TimeSpan.FromMinutes(1),
    };

    [Theory]
    [InlineData(RestartMode.Always, 0, false, true)]
    [InlineData(RestartMode.Always, 1, false, true)]
    [InlineData(RestartMode.OnFailure, 0, false, false)]
    [InlineData(RestartMode.OnFailure, 137, false, true)]
    [InlineData(RestartMode.OnFailure, 0, true, true)]
    [InlineData(RestartMode.OnFailure, null, false, true)]
    [InlineData(RestartMode.Never, 1, false, false)]
    [InlineData(RestartMode.Never, 0, true, false)]
    public void PolicyDecidesRestart(RestartMode mode, int? exitCode, bool healthFailure, bool expected) =>
        Assert.Equal(expected, RestartTracker.ShouldRestart(mode, exitCode, healthFailure));

    [Fact]
    public void BackoffDoublesUpToTheCap()
    {
        var time = new ManualTimeProvider();
        var tracker = new RestartTracker(Policy, time);
        var delays = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            var decision = tracker.OnExit(1, false, TimeSpan.FromSeconds(1));
            Assert.True(decision.Restart);
            delays.Add(decision.Delay.TotalSeconds);
            Assert.False(tracker.IsRestartDue());
            time.Advance(decision.Delay - TimeSpan.FromTicks(1));
            Assert.False(tracker.IsRestartDue());
            time.Advance(TimeSpan.FromTicks(1));
            Assert.True(tracker.IsRestartDue());
            tracker.OnRestarted();
        }

        Assert.Equal([1, 2, 4, 8, 10, 10], delays);
        Assert.Equal(6, tracker.RestartCount);
    }

    [Fact]
    public void LongRunResetsTheBackoff()
    {
        var tracker = new RestartTracker(Policy, new ManualTimeProvider(), restartCount: 4);
        tracker.OnExit(1, false, TimeSpan.Zero);
        tracker.OnRestarted();
        Assert.Equal(TimeSpan.FromSeconds(2), tracker.OnExit(1, false, TimeSpan.Zero).Delay);
        tracker.OnRestarted();
        Assert.Equal(TimeSpan.FromSeconds(1), tracker.OnExit(1, false, TimeSpan.FromMinutes(2)).Delay);
        tracker.OnRestarted();
        Assert.Equal(7, tracker.RestartCount);
    }

    [Fact]
    public void NoRestartLeavesNothingPending()
    {
        var tracker = new RestartTracker(Policy with { Mode = RestartMode.Never }, new ManualTimeProvider());
        Assert.False(tracker.OnExit(1, false, TimeSpan.Zero).Restart);
        Assert.Null(tracker.Pending);
        Assert.False(tracker.IsRestartDue());
    }

    [Fact]
    public void HugeRestartCountsStayAtTheCap() => Assert.Equal(Policy.BackoffCap, RestartTracker.Backoff(Policy, 10_000));
}
