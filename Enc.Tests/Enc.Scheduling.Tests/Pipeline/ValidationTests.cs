using Enc.Scheduling.Validation;

namespace Enc.Scheduling.Tests.Pipeline;

public sealed class ValidationTests
{
    public static TheoryData<string, SchedulingRequest, string> Cases => new()
    {
        { "empty workload id", Build.Request("") , "WorkloadId" },
        { "negative cpu", Build.Request() with { Resources = Build.Res(-1) }, "Resources" },
        { "zero replicas", Build.Request() with { Replicas = 0 }, "Replicas" },
        { "unknown algorithm", Build.Request() with { Algorithm = "Magic" }, "Algorithm" },
        { "ConsensusDriven is not registered by this library", Build.Request() with { Algorithm = SchedulingAlgorithmNames.ConsensusDriven }, "Algorithm" },
        { "bad strategy", Build.Request() with { ResourceStrategy = "pack" }, "ResourceStrategy" },
        { "In without values", Build.Request() with { RequiredNodeAffinity = [new() { Expressions = [Build.Expr("k", LabelOperator.In)] }] }, "RequiredNodeAffinity[0].Expressions[0].Values" },
        { "Exists with values", Build.Request() with { RequiredNodeAffinity = [new() { Expressions = [Build.Expr("k", LabelOperator.Exists, "v")] }] }, "RequiredNodeAffinity[0].Expressions[0].Values" },
        { "preferred weight out of range", Build.Request() with { PreferredNodeAffinity = [new() { Weight = 0, Term = new() { Expressions = [] } }] }, "PreferredNodeAffinity[0].Weight" },
        { "affinity without selector", Build.Request() with { RequiredWorkloadAffinity = [new() { Selector = [], Topology = TopologyScope.Node }] }, "RequiredWorkloadAffinity[0].Selector" },
        { "affinity without topology", Build.Request() with { RequiredWorkloadAntiAffinity = [new() { Selector = [Build.Expr("a", LabelOperator.Exists)], Topology = TopologyScope.Unknown }] }, "RequiredWorkloadAntiAffinity[0].Topology" },
        { "Exists toleration with value", Build.Request() with { Tolerations = [new() { Key = "k", Operator = TolerationOperator.Exists, Value = "v" }] }, "Tolerations[0].Value" },
        { "TolerationSeconds without NoExecute", Build.Request() with { Tolerations = [new() { Key = "k", Value = "v", TolerationSeconds = 5 }] }, "Tolerations[0].TolerationSeconds" },
        { "max skew zero", Build.Request() with { ZoneSpread = new() { MaxSkew = 0 } }, "ZoneSpread.MaxSkew" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void NamesTheInvalidField(string name, SchedulingRequest request, string field)
    {
        var pipeline = new SchedulingPipeline(Build.Cluster(Build.Node("a")));
        var error = Assert.Throws<SchedulingValidationException>(() => pipeline.Schedule(request, 0));
        Assert.True(error.Errors.Any(e => e.Field == field), $"{name}: {error.Message}");
        Assert.Empty(pipeline.State.Instances);
    }

    [Fact]
    public void ARegisteredExtensionAlgorithmIsAccepted()
    {
        var algorithms = AlgorithmRegistry.CreateDefault();
        algorithms.Register(new NamedAlgorithm(SchedulingAlgorithmNames.PolicyBased));
        var pipeline = new SchedulingPipeline(Build.Cluster(Build.Node("a"), Build.Node("b")), algorithms: algorithms);
        var decision = pipeline.Schedule(Build.Request() with { Algorithm = SchedulingAlgorithmNames.PolicyBased }, 0);
        Assert.Equal(("b", SchedulingAlgorithmNames.PolicyBased), (decision.NodeId, decision.Algorithm));
    }

    public static TheoryData<string, ClusterSnapshot, string> SnapshotCases => new()
    {
        { "duplicate node", Build.Cluster(Build.Node("a"), Build.Node("a")), "Nodes[1].Id" },
        { "unknown status", Build.Cluster(Build.Node("a", status: NodeStatus.Unknown)), "Nodes[0].Status" },
        { "instance on unknown node", new ClusterSnapshot { Nodes = [Build.Node("a")], Instances = [Build.Instance("i", "w", "zz")] }, "Instances[0].NodeId" },
        { "allocation below instances", new ClusterSnapshot { Nodes = [Build.Node("a")], Instances = [Build.Instance("i", "w", "a")] }, "Nodes[0].Allocated" },
    };

    [Theory]
    [MemberData(nameof(SnapshotCases))]
    public void RejectsInconsistentSnapshots(string name, ClusterSnapshot snapshot, string field)
    {
        var error = Assert.Throws<SchedulingValidationException>(() => new SchedulingPipeline(snapshot));
        Assert.True(error.Errors.Any(e => e.Field == field), $"{name}: {error.Message}");
    }

    [Fact]
    public void RejectsUnknownPluginsInOptions()
    {
        var error = Assert.Throws<SchedulingValidationException>(() => new SchedulingPipeline(Build.Cluster(), new SchedulerOptions { Plugins = ["NodeStatus", "Nope"] }));
        Assert.Equal("Plugins[1]", error.Errors.Single().Field);
    }

    /// <summary>A test-only algorithm that always picks the last candidate (stands in for an extension such as PolicyBased).</summary>
    private sealed class NamedAlgorithm(string name) : ISchedulingAlgorithm
    {
        public string Name => name;

        public bool UsesScores => false;

        public long ScanStart(SchedulingCycle cycle) => 0;

        public int FeasibleNodesToFind(SchedulingCycle cycle, int defaultLimit) => cycle.State.NodeCount;

        public int Select(SchedulingCycle cycle, ReadOnlySpan<int> candidates, ReadOnlySpan<long> totals) => candidates.Length - 1;

        public void OnPlaced(SchedulingCycle cycle, int node)
        {
        }
    }
}
