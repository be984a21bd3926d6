using Enc.Ledger.Receipts;
using Enc.Ledger.Tests.Infrastructure;

namespace Enc.Ledger.Tests.Receipts;

public sealed class HybridLogicalClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ReadingsFollowWallTimeAndCountWithinAMillisecond()
    {
        var time = new ManualTimeProvider(Start);
        var clock = new HybridLogicalClock(time);
        var ms = Start.ToUnixTimeMilliseconds();
        Assert.Equal(new HybridLogicalTimestamp(ms, 0), clock.Now());
        Assert.Equal(new HybridLogicalTimestamp(ms, 1), clock.Now());
        time.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Equal(new HybridLogicalTimestamp(ms + 5, 0), clock.Now());
    }

    [Fact]
    public void ReadingsNeverGoBackwardsWhenTheWallClockSteps()
    {
        var time = new ManualTimeProvider(Start);
        var clock = new HybridLogicalClock(time);
        var before = clock.Now();
        time.Advance(TimeSpan.FromSeconds(-30));
        var after = clock.Now();
        Assert.True(after > before);
        Assert.Equal(before.WallMilliseconds, after.WallMilliseconds);
        Assert.Equal(before.Counter + 1, after.Counter);
    }

    [Fact]
    public void ObservingARemoteClockAheadMovesPastIt()
    {
        var time = new ManualTimeProvider(Start);
        var clock = new HybridLogicalClock(time);
        var remote = new HybridLogicalTimestamp(Start.ToUnixTimeMilliseconds() + 1000, 7);
        Assert.Equal(remote with { Counter = 8 }, clock.Observe(remote));
        Assert.Equal(remote with { Counter = 9 }, clock.Now());

        var old = new HybridLogicalTimestamp(1, 1);
        Assert.Equal(remote with { Counter = 10 }, clock.Observe(old));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(new HybridLogicalTimestamp(Start.ToUnixTimeMilliseconds() + 2000, 0), clock.Observe(old));
    }

    [Fact]
    public void ConcurrentReadingsAreUnique()
    {
        var clock = new HybridLogicalClock(new ManualTimeProvider(Start));
        var readings = new HybridLogicalTimestamp[4000];
        Parallel.For(0, readings.Length, i => readings[i] = clock.Now());
        Assert.Equal(readings.Length, readings.Distinct().Count());
    }
}
