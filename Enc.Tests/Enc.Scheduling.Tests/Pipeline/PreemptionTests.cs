namespace Enc.Scheduling.Tests.Pipeline;

public sealed class PreemptionTests
{
    private static ClusterSnapshot Full() => Build.Cluster(
        [Build.Node("a", cpu: 1000), Build.Node("b", cpu: 1000)],
        [
            Build.Instance("low1", "batch", "a", cpu: 300, priority: 1),
            Build.Instance("low2", "batch", "a", cpu: 300, priority: 1),
            Build.Instance("mid", "svc", "a", cpu: 400, priority: 5),
            Build.Instance("high", "core", "b", cpu: 600, priority: 100),
            Build.Instance("low3", "batch", "b", cpu: 400, priority: 1),
        ]);

    public static TheoryData<string, int, long, string, string[]> Cases => new()
    {
        { "one low victim on b frees enough", 10, 400, "b", ["low3"] },
        { "needs two lows on a (b has only one low instance of 400)", 10, 600, "a", ["low1", "low2"] },
        { "cannot evict equal or higher priority", 1, 300, "", [] },
        { "high enough to evict mid too: still the minimal low set", 50, 600, "a", ["low1", "low2"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EvictsAMinimalLowerPrioritySet(string name, int priority, long cpu, string node, string[] victims)
    {
        var pipeline = new SchedulingPipeline(Full());
        var decision = pipeline.Schedule(Build.Request("urgent", cpu: cpu, priority: priority), 0);
        Assert.True(node == decision.NodeId, $"{name}: {decision.Message}");
        Assert.Equal(victims.Order(), decision.Evictions.Select(e => e.InstanceId).Order());
        foreach (var eviction in decision.Evictions)
        {
            Assert.Equal(-1, pipeline.State.Instances.ToList().FindIndex(r => r.Instance.Id == eviction.InstanceId && r.Alive));
        }
    }

    [Fact]
    public void PreemptionCanBeDisabled()
    {
        var decision = new SchedulingPipeline(Full(), new SchedulerOptions { EnablePreemption = false }).Schedule(Build.Request("urgent", cpu: 400, priority: 10), 0);
        Assert.Equal(SchedulingOutcome.Pending, decision.Outcome);
    }

    [Fact]
    public void PreemptionNeverIgnoresHardConstraints()
    {
        // b is the only node where one eviction suffices, but the selector excludes it.
        var snapshot = Full() with { Nodes = Full().Nodes.Select(n => n.Id == "a" ? n with { Labels = Build.Labels("pool=x") } : n).ToList() };
        var decision = new SchedulingPipeline(snapshot).Schedule(Build.Request("urgent", cpu: 400, priority: 10) with { NodeSelector = Build.Labels("pool=x") }, 0);
        Assert.Equal("a", decision.NodeId);
        Assert.All(decision.Evictions, e => Assert.Equal("a", e.NodeId));
    }

    [Fact]
    public void PreemptionBindsVictimsAndPlacementAtomically()
    {
        var snapshot = Full();
        var target = new InMemoryBindingTarget(snapshot);
        var decision = new SchedulingPipeline(snapshot).ScheduleAndBind(Build.Request("urgent", cpu: 400, priority: 10), 0, target);
        var live = target.ToSnapshot(snapshot);
        Assert.DoesNotContain(live.Instances, i => i.Id == "low3");
        Assert.Contains(live.Instances, i => i.Id == decision.InstanceId && i.NodeId == "b");
        Assert.Equal(1000, live.Nodes.Single(n => n.Id == "b").Allocated.CpuMillicores);
    }
}
