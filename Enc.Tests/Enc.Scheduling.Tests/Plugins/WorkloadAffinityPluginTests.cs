namespace Enc.Scheduling.Tests.Plugins;

public sealed class WorkloadAffinityPluginTests
{
    // Zone a: n1 (db instance), n2. Zone b: n3 (cache instance in namespace "other"), n4.
    private static SchedulerState State() => new(Build.Cluster(
        [Build.Node("n1", zone: "a"), Build.Node("n2", zone: "a"), Build.Node("n3", zone: "b"), Build.Node("n4", zone: "b")],
        [
            Build.Instance("db/0", "db", "n1", labels: Build.Labels("app=db")),
            Build.Instance("cache/0", "cache", "n3", labels: Build.Labels("app=db")) with { Namespace = "other" },
        ]));

    private static WorkloadAffinityTerm Term(TopologyScope scope, string app = "db", int weight = 1) =>
        new() { Selector = [Build.Expr("app", LabelOperator.In, app)], Topology = scope, Weight = weight };

    public static TheoryData<string, SchedulingRequest, bool[]> FilterCases => new()
    {
        { "affinity per node", Build.Request() with { RequiredWorkloadAffinity = [Term(TopologyScope.Node)] }, [true, false, false, false] },
        { "affinity per zone", Build.Request() with { RequiredWorkloadAffinity = [Term(TopologyScope.Zone)] }, [true, true, false, false] },
        { "anti-affinity per node", Build.Request() with { RequiredWorkloadAntiAffinity = [Term(TopologyScope.Node)] }, [false, true, true, true] },
        { "anti-affinity per zone", Build.Request() with { RequiredWorkloadAntiAffinity = [Term(TopologyScope.Zone)] }, [false, false, true, true] },
        {
            "other namespaces are invisible",
            Build.Request() with { Namespace = "other", RequiredWorkloadAntiAffinity = [Term(TopologyScope.Node)] },
            [true, true, false, true]
        },
        {
            "multi-expression selector (walks candidates instead of the label counts)",
            Build.Request() with { RequiredWorkloadAntiAffinity = [new() { Selector = [Build.Expr("app", LabelOperator.Exists), Build.Expr("app", LabelOperator.NotIn, "web")], Topology = TopologyScope.Zone }] },
            [false, false, true, true]
        },
        {
            "NotIn-only selector scans every instance",
            Build.Request() with { RequiredWorkloadAffinity = [new() { Selector = [Build.Expr("app", LabelOperator.NotIn, "web")], Topology = TopologyScope.Node }] },
            [true, false, false, false]
        },
        {
            "self-affinity with no match lets the first replica anywhere",
            Build.Request() with { Labels = Build.Labels("app=web"), RequiredWorkloadAffinity = [Term(TopologyScope.Zone, "web")] },
            [true, true, true, true]
        },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public void RequiredTermsFilter(string name, SchedulingRequest request, bool[] expected)
    {
        var plugin = new WorkloadAffinityPlugin();
        var cycle = Build.Cycle(State(), request);
        Assert.True(plugin.PreFilter(cycle).IsSuccess, name);
        var actual = Enumerable.Range(0, 4).Select(n => plugin.Filter(cycle, n).IsSuccess).ToArray();
        Assert.True(expected.SequenceEqual(actual), $"{name}: got [{string.Join(",", actual)}]");
    }

    [Fact]
    public void AffinityToAWorkloadThatDoesNotExistRejectsTheRequest()
    {
        var plugin = new WorkloadAffinityPlugin();
        var cycle = Build.Cycle(State(), Build.Request() with { RequiredWorkloadAffinity = [Term(TopologyScope.Node, "missing")] });
        var status = plugin.PreFilter(cycle);
        Assert.Equal(RejectionReasons.WorkloadAffinityMismatch, status.Reason);
        Assert.Equal(FilterCode.UnschedulableAndUnresolvable, status.Code);
    }

    public static TheoryData<string, SchedulingRequest, int[]> ScoreCases => new()
    {
        { "preferred affinity per zone", Build.Request() with { PreferredWorkloadAffinity = [Term(TopologyScope.Zone, weight: 10)] }, [100, 100, 0, 0] },
        { "preferred anti-affinity per node", Build.Request() with { PreferredWorkloadAntiAffinity = [Term(TopologyScope.Node, weight: 10)] }, [0, 100, 100, 100] },
    };

    [Theory]
    [MemberData(nameof(ScoreCases))]
    public void PreferredTermsScore(string name, SchedulingRequest request, int[] expected)
    {
        var scores = Build.Scores(new WorkloadAffinityPlugin(), Build.Cycle(State(), request));
        Assert.True(expected.SequenceEqual(scores), $"{name}: got [{string.Join(",", scores)}]");
    }

    [Fact]
    public void EvictionsAreSeenByTheNextCycle()
    {
        var state = State();
        state.Evict(state.IndexOfInstance("db/0"));
        var plugin = new WorkloadAffinityPlugin();
        var cycle = Build.Cycle(state, Build.Request() with { RequiredWorkloadAntiAffinity = [Term(TopologyScope.Node)] });
        plugin.PreFilter(cycle);
        Assert.True(plugin.Filter(cycle, 0).IsSuccess);
    }

    [Fact]
    public void PlacementsMadeInTheStateAreSeenByTheNextCycle()
    {
        var state = State();
        var request = Build.Request("web") with { Labels = Build.Labels("app=web"), RequiredWorkloadAntiAffinity = [Term(TopologyScope.Node, "web")] };
        state.Assume(Build.Instance("web/0", "web", "n2", labels: Build.Labels("app=web")));
        var plugin = new WorkloadAffinityPlugin();
        var cycle = Build.Cycle(state, request, replica: 1);
        plugin.PreFilter(cycle);
        Assert.Equal(RejectionReasons.WorkloadAntiAffinityConflict, plugin.Filter(cycle, 1).Reason);
        Assert.True(plugin.Filter(cycle, 0).IsSuccess);
    }
}
