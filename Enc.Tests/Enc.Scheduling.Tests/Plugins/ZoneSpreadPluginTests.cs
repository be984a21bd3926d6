namespace Enc.Scheduling.Tests.Plugins;

public sealed class ZoneSpreadPluginTests
{
    public static TheoryData<string, string[], int, bool[]> Cases => new()
    {
        // Nodes: n1 zone a, n2 zone b, n3 zone c, n4 no zone. Instances of "w" listed by node.
        { "empty: every zoned node passes", [], 1, [true, true, true, false] },
        { "skew 1 with one in a", ["n1"], 1, [false, true, true, false] },
        { "skew 2 with one in a", ["n1"], 2, [true, true, true, false] },
        { "balanced a,b then c must come next", ["n1", "n2"], 1, [false, false, true, false] },
        { "balanced across all three", ["n1", "n2", "n3"], 1, [true, true, true, false] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void KeepsSkewWithinMax(string name, string[] existing, int maxSkew, bool[] expected)
    {
        var instances = existing.Select((node, i) => Build.Instance($"w/{i}", "w", node)).ToList();
        var state = new SchedulerState(Build.Cluster(
            [Build.Node("n1", zone: "a"), Build.Node("n2", zone: "b"), Build.Node("n3", zone: "c"), Build.Node("n4")], instances));
        var plugin = new ZoneSpreadPlugin();
        var cycle = Build.Cycle(state, Build.Request("w") with { ZoneSpread = new() { MaxSkew = maxSkew } });
        Assert.True(plugin.PreFilter(cycle).IsSuccess);
        var actual = Enumerable.Range(0, 4).Select(n => plugin.Filter(cycle, n).IsSuccess).ToArray();
        Assert.True(expected.SequenceEqual(actual), $"{name}: got [{string.Join(",", actual)}]");
        Assert.Equal(RejectionReasons.NodeHasNoZone, plugin.Filter(cycle, 3).Reason);
    }

    [Fact]
    public void ZonesTheWorkloadCannotUseDoNotHoldTheMinimum()
    {
        // Zone c only has a node with an untolerated taint: it is not eligible, so a and b balance alone.
        var state = new SchedulerState(Build.Cluster(
            [Build.Node("n1", zone: "a"), Build.Node("n2", zone: "b"), Build.Node("n3", zone: "c", taints: [Build.Taint("x", TaintEffect.NoSchedule)])],
            [Build.Instance("w/0", "w", "n1"), Build.Instance("w/1", "w", "n2")]));
        var plugin = new ZoneSpreadPlugin();
        var cycle = Build.Cycle(state, Build.Request("w") with { ZoneSpread = new() { MaxSkew = 1 } });
        plugin.PreFilter(cycle);
        Assert.True(plugin.Filter(cycle, 0).IsSuccess);
    }

    [Fact]
    public void WithoutConstraintEverythingPasses()
    {
        var plugin = new ZoneSpreadPlugin();
        var cycle = Build.Cycle(Build.Cluster(Build.Node("n1")), Build.Request());
        plugin.PreFilter(cycle);
        Assert.True(plugin.Filter(cycle, 0).IsSuccess);
    }
}
