namespace Enc.Scheduling.Tests.Pipeline;

/// <summary>Whole-pipeline table: a cluster and a request in, the chosen node (or the pending message) out.</summary>
public sealed class PipelineTableTests
{
    public sealed record Row(ClusterSnapshot Cluster, SchedulingRequest Request, string ExpectedNode, string ExpectedMessagePart = "")
    {
        public override string ToString() => $"expect '{ExpectedNode}' {ExpectedMessagePart}";
    }

    private static readonly NodeInfo[] ThreeNodes =
    [
        Build.Node("a", cpu: 4000, zone: "z1", labels: Build.Labels("disk=ssd")),
        Build.Node("b", cpu: 4000, zone: "z2", allocated: Build.Res(3000, 4), labels: Build.Labels("disk=hdd")),
        Build.Node("c", cpu: 4000, zone: "z3", taints: [Build.Taint("gpu", TaintEffect.NoSchedule, "true")], labels: Build.Labels("gpu=true")),
    ];

    public static TheoryData<string, Row> Cases => new()
    {
        { "binpack picks the fullest feasible node", new(Build.Cluster(ThreeNodes), Build.Request(cpu: 500), "b") },
        { "spread picks the emptiest feasible node", new(Build.Cluster(ThreeNodes), Build.Request(cpu: 500) with { ResourceStrategy = ResourceStrategyNames.Spread }, "a") },
        { "too big for b goes to a", new(Build.Cluster(ThreeNodes), Build.Request(cpu: 1500), "a") },
        { "selector", new(Build.Cluster(ThreeNodes), Build.Request() with { NodeSelector = Build.Labels("disk=ssd") }, "a") },
        {
            "toleration opens the tainted node and required affinity picks it",
            new(Build.Cluster(ThreeNodes), Build.Request() with
            {
                Tolerations = [new() { Key = "gpu", Operator = TolerationOperator.Exists }],
                RequiredNodeAffinity = [new() { Expressions = [Build.Expr("gpu", LabelOperator.Exists)] }],
            }, "c")
        },
        {
            "preferred affinity outweighs binpack",
            new(Build.Cluster(ThreeNodes), Build.Request() with
            {
                PreferredNodeAffinity = [new() { Weight = 50, Term = new() { Expressions = [Build.Expr("disk", LabelOperator.In, "ssd")] } }],
            }, "a")
        },
        {
            "nothing fits: pending with reasons per node",
            new(Build.Cluster(ThreeNodes), Build.Request(cpu: 5000), "",
                "0/3 nodes are available: 2 insufficient cpu, 1 node has a taint the workload doesn't tolerate")
        },
        {
            "down and cordoned nodes",
            new(Build.Cluster(Build.Node("x", status: NodeStatus.Down), Build.Node("y", status: NodeStatus.Cordoned)), Build.Request(), "",
                "0/2 nodes are available: 1 node is cordoned, 1 node is not ready")
        },
        { "empty cluster", new(Build.Cluster(), Build.Request(), "", RejectionReasons.NoNodes) },
        {
            "anti-affinity avoids the node with the db",
            new(Build.Cluster([Build.Node("a"), Build.Node("b")], [Build.Instance("db/0", "db", "b", labels: Build.Labels("app=db"))]),
                Build.Request() with { RequiredWorkloadAntiAffinity = [new() { Selector = [Build.Expr("app", LabelOperator.In, "db")], Topology = TopologyScope.Node }] },
                "a")
        },
        {
            "round robin takes the first feasible node from the cursor",
            new(Build.Cluster(ThreeNodes) with { RoundRobinCursor = 1 }, Build.Request(cpu: 1500) with { Algorithm = SchedulingAlgorithmNames.RoundRobin }, "a")
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void PlacesOrExplains(string name, Row row)
    {
        var decision = new SchedulingPipeline(row.Cluster).Schedule(row.Request, 0);
        Assert.True(row.ExpectedNode == decision.NodeId, $"{name}: placed on '{decision.NodeId}', message '{decision.Message}'");
        Assert.Equal(row.ExpectedNode.Length == 0 ? SchedulingOutcome.Pending : SchedulingOutcome.Placed, decision.Outcome);
        Assert.Contains(row.ExpectedMessagePart, decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplicasOfOneRequestSeeEachOthersPlacements()
    {
        var pipeline = new SchedulingPipeline(Build.Cluster(Build.Node("a", cpu: 1000), Build.Node("b", cpu: 1000)));
        var request = Build.Request(cpu: 600);
        var first = pipeline.Schedule(request, 0);
        var second = pipeline.Schedule(request, 1);
        var third = pipeline.Schedule(request, 2);
        Assert.NotEqual(first.NodeId, second.NodeId);
        Assert.Equal(SchedulingOutcome.Pending, third.Outcome);
        Assert.Equal($"w/1", second.InstanceId);
    }

    [Fact]
    public void RoundRobinWalksFeasibleNodesFromTheCursor()
    {
        var nodes = new[] { Build.Node("a"), Build.Node("b", status: NodeStatus.Down), Build.Node("c"), Build.Node("d") };
        var pipeline = new SchedulingPipeline(Build.Cluster(nodes) with { RoundRobinCursor = 2 });
        var request = Build.Request() with { Algorithm = SchedulingAlgorithmNames.RoundRobin, Replicas = 4 };
        var placed = Enumerable.Range(0, 4).Select(r => pipeline.Schedule(request, r).NodeId).ToArray();
        Assert.Equal(["c", "d", "a", "c"], placed);
        Assert.Equal(3, pipeline.State.RoundRobinCursor);
    }

    [Fact]
    public void PendingDecisionAggregatesPerNodeClass()
    {
        var nodes = Enumerable.Range(0, 6).Select(i => Build.Node($"n{i}", cpu: 1000, zone: i < 4 ? "a" : "b")).ToArray();
        var decision = new SchedulingPipeline(Build.Cluster(nodes)).Schedule(Build.Request(cpu: 2000), 0);
        Assert.Equal(
            [new RejectionCount("zone=a", PluginNames.NodeResourcesFit, RejectionReasons.InsufficientCpu, 4),
             new RejectionCount("zone=b", PluginNames.NodeResourcesFit, RejectionReasons.InsufficientCpu, 2)],
            decision.Rejections);
        Assert.True(decision.RequeueOn.HasFlag(ClusterEventKinds.InstanceRemoved));
        Assert.False(decision.RequeueOn.HasFlag(ClusterEventKinds.NodeTaintsChanged));
    }

    [Fact]
    public void ExplainRecordsEveryNode()
    {
        var decision = new SchedulingPipeline(Build.Cluster(ThreeNodes)).Schedule(Build.Request(cpu: 1500), 0, ExplainLevel.Nodes);
        Assert.Equal(["a", "b", "c"], decision.Nodes.Select(n => n.NodeId));
        Assert.Equal(NodeVerdictKind.Selected, decision.Nodes[0].Kind);
        Assert.Contains(decision.Nodes[0].Scores, s => s.Plugin == PluginNames.NodeResourcesAllocation);
        Assert.Equal((PluginNames.NodeResourcesFit, RejectionReasons.InsufficientCpu), (decision.Nodes[1].Plugin, decision.Nodes[1].Reason));
        Assert.Equal((PluginNames.TaintToleration, RejectionReasons.UntoleratedTaint), (decision.Nodes[2].Plugin, decision.Nodes[2].Reason));
        Assert.Equal(decision.FinalScore, decision.Nodes[0].FinalScore);
    }

    [Fact]
    public void ExplainMarksFeasibleNodesBeyondTheSampleAsNotSampled()
    {
        var nodes = Enumerable.Range(0, 10).Select(i => Build.Node($"n{i}")).ToArray();
        var options = new SchedulerOptions { MinFeasibleNodesToScore = 3, MaxFeasibleNodesToScore = 3 };
        var decision = new SchedulingPipeline(Build.Cluster(nodes), options).Schedule(Build.Request(), 0, ExplainLevel.Nodes);
        Assert.Equal(3, decision.FeasibleNodes);
        Assert.Equal(7, decision.Nodes.Count(n => n.Kind == NodeVerdictKind.NotSampled));
        Assert.Equal(2, decision.Nodes.Count(n => n.Kind == NodeVerdictKind.Scored));
    }

    [Fact]
    public void TiesAreBrokenByStableHashNotByInputOrder()
    {
        var nodes = Enumerable.Range(0, 20).Select(i => Build.Node($"n{i:D2}")).ToArray();
        var forward = new SchedulingPipeline(Build.Cluster(nodes)).Schedule(Build.Request("tie"), 0);
        var backward = new SchedulingPipeline(Build.Cluster(nodes.Reverse().ToArray())).Schedule(Build.Request("tie"), 0);
        Assert.Equal(forward.NodeId, backward.NodeId);
        var other = Enumerable.Range(0, 8).Select(i => new SchedulingPipeline(Build.Cluster(nodes)).Schedule(Build.Request($"w{i}"), 0).NodeId).Distinct().Count();
        Assert.True(other > 1, "different workloads should not all pick the same tied node");
    }
}
