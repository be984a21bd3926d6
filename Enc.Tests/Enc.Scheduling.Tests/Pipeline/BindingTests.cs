namespace Enc.Scheduling.Tests.Pipeline;

public sealed class BindingTests
{
    [Fact]
    public void StaleSchedulerRefreshesAndPicksAnotherNode()
    {
        var snapshot = Build.Cluster(Build.Node("a", cpu: 1000), Build.Node("b", cpu: 1000, allocated: Build.Res(100)));
        var target = new InMemoryBindingTarget(snapshot);
        var first = new SchedulingPipeline(snapshot).ScheduleAndBind(Build.Request("x", cpu: 800), 0, target);
        var stale = new SchedulingPipeline(snapshot).ScheduleAndBind(Build.Request("y", cpu: 800), 0, target);
        Assert.Equal(SchedulingOutcome.Placed, stale.Outcome);
        Assert.NotEqual(first.NodeId, stale.NodeId);
    }

    [Fact]
    public void BindRefusesNodesThatWentDown()
    {
        var snapshot = Build.Cluster(Build.Node("a"));
        var target = new InMemoryBindingTarget(snapshot);
        target.SetStatus("a", NodeStatus.Down);
        var decision = new SchedulingPipeline(snapshot).ScheduleAndBind(Build.Request(), 0, target);
        Assert.Equal(SchedulingOutcome.Pending, decision.Outcome);
        Assert.Contains(RejectionReasons.NodeNotReady, decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentSchedulersNeverOvercommit()
    {
        var nodes = Enumerable.Range(0, 20).Select(i => Build.Node($"n{i:D2}", cpu: 2000, memGi: 4, zone: $"z{i % 3}")).ToArray();
        var snapshot = Build.Cluster(nodes);
        var target = new InMemoryBindingTarget(snapshot);
        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            // Every scheduler works from the same stale snapshot and only learns through conflicts.
            var pipeline = new SchedulingPipeline(snapshot, new SchedulerOptions { MaxBindAttempts = 25 });
            var placed = 0;
            for (var i = 0; i < 40; i++)
            {
                var request = Build.Request($"t{t}-w{i}", cpu: 150 + (i % 4 * 100), memGi: i % 2);
                if (pipeline.ScheduleAndBind(request, 0, target).Outcome == SchedulingOutcome.Placed)
                {
                    placed++;
                }
            }

            return placed;
        })).ToArray();
        var placedTotal = (await Task.WhenAll(tasks)).Sum();

        var live = target.ToSnapshot(snapshot);
        foreach (var node in live.Nodes)
        {
            Assert.True(node.Allocated.FitsWithin(node.Capacity), $"{node.Id} overcommitted: {node.Allocated}");
            var sum = live.Instances.Where(i => i.NodeId == node.Id).Aggregate(ResourceVector.Zero, (s, i) => s + i.Resources);
            Assert.Equal(node.Allocated, sum);
        }

        Assert.Equal(placedTotal, live.Instances.Count);
        Assert.True(placedTotal > 80, $"only {placedTotal} placements");
    }
}
