using Enc.Cluster.Tests.Scheduling;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Scheduling;
using Enc.Grains.Workloads.Placement;
using Enc.Scheduling.Model;
using TaintEffect = Enc.Grains.Interfaces.Workloads.TaintEffect;
using TolerationOperator = Enc.Grains.Interfaces.Workloads.TolerationOperator;

namespace Enc.Cluster.Tests.Unit;

public sealed class ClusterViewMappingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static PlacedInstance Placed(string node, string id, WorkloadSpec spec) =>
        new(node, new AssignedInstance { InstanceId = id, Spec = spec, SpecVersion = 1 });

    [Fact]
    public void InstancesCountOnlyWhileTheirNodeHoldsTheirReservation()
    {
        var spec = SchedulingTestData.Spec("batch", 500, new WorkloadScheduling
        {
            Priority = 7,
            Tolerations = [new WorkloadToleration { Key = "k", Operator = TolerationOperator.Exists, Effect = TaintEffect.NoExecute, TolerationSeconds = 30 }],
        }, new Dictionary<string, string> { ["app"] = "batch" });
        var view = new ClusterView(
            [SchedulingTestData.Node("a", allocatedCpu: 500, workloads: ["i1"]), SchedulingTestData.Node("b")],
            [Placed("a", "i1", spec), Placed("a", "released", spec), Placed("gone", "i3", spec)],
            []);

        var snapshot = SchedulingModelMapper.ToClusterSnapshot(view);
        var instance = Assert.Single(snapshot.Instances);
        Assert.Equal(("i1", "default/batch", "a", 7), (instance.Id, instance.WorkloadId, instance.NodeId, instance.Priority));
        Assert.Equal("batch", instance.Labels["app"]);
        Assert.Equal(30, Assert.Single(instance.Tolerations).TolerationSeconds);
        Assert.Equal(500, instance.Resources.CpuMillicores);
    }

    [Fact]
    public void TaintsAndLatenciesReachTheSnapshot()
    {
        var taint = new NodeTaint { Key = "dedicated", Value = "db", Effect = TaintEffect.NoExecute, AddedAt = T0 };
        NodeLatency Rtt(string from, string to, long us) => new() { FromNode = from, ToNode = to, RoundTripMicroseconds = us, MeasuredAt = T0 };
        var view = new ClusterView([SchedulingTestData.Node("a", taints: [taint]), SchedulingTestData.Node("b")], [], [Rtt("a", "b", 100), Rtt("b", "a", 301), Rtt("a", "a", 5)]);

        var snapshot = SchedulingModelMapper.ToClusterSnapshot(view);
        var mapped = Assert.Single(snapshot.Nodes.Single(n => n.Id == "a").Taints);
        Assert.Equal(("dedicated", "db", Enc.Scheduling.Model.TaintEffect.NoExecute, (DateTimeOffset?)T0), (mapped.Key, mapped.Value, mapped.Effect, mapped.TimeAdded));
        Assert.Equal([new LatencySample("a", "b", 201)], snapshot.Latency.NodePairs);
    }

    [Fact]
    public void AffinityRulesSpreadAndPeersBecomeRequestTerms()
    {
        var spec = SchedulingTestData.Spec("api", 100, new WorkloadScheduling
        {
            Priority = 50,
            Affinity = [new WorkloadAffinityRule { MatchLabels = new Dictionary<string, string> { ["app"] = "cache" }, Topology = AffinityTopology.Zone, Weight = 40 }],
            AntiAffinity = [new WorkloadAffinityRule { MatchLabels = new Dictionary<string, string> { ["tier"] = "api", ["app"] = "api" } }],
            ZoneSpreadMaxSkew = 1,
            CommunicatesWith = ["db", "other/queue"],
        });

        var request = SchedulingModelMapper.ToRequest(spec, submissionSequence: 3, firstReplica: 2);
        Assert.Equal((50, 2, 1), (request.Priority, request.FirstReplicaIndex, request.ZoneSpread!.MaxSkew));
        Assert.Empty(request.RequiredWorkloadAffinity);
        var preferred = Assert.Single(request.PreferredWorkloadAffinity);
        Assert.Equal((TopologyScope.Zone, 40), (preferred.Topology, preferred.Weight));
        var anti = Assert.Single(request.RequiredWorkloadAntiAffinity);
        Assert.Equal(TopologyScope.Node, anti.Topology);
        Assert.Equal(["app In [api]", "tier In [api]"], anti.Selector.Select(e => $"{e.Key} {e.Operator} [{string.Join(",", e.Values)}]"));
        Assert.Equal(["default/db", "other/queue"], request.CommunicatesWith);
    }

    [Fact]
    public void NodeAffinityTermsDecideAndScorePlacement()
    {
        var nodes = SchedulingTestData.View(
            SchedulingTestData.Node("hdd", labels: new Dictionary<string, string> { ["disk"] = "hdd" }),
            SchedulingTestData.Node("none"),
            SchedulingTestData.Node("ssd", labels: new Dictionary<string, string> { ["disk"] = "ssd" }));
        var spec = SchedulingTestData.Spec("db", 100, new WorkloadScheduling
        {
            NodeAffinity =
            [
                new NodeAffinityTerm { MatchExpressions = [new LabelRequirement { Key = "disk", Operator = LabelRequirementOperator.Exists }] },
                new NodeAffinityTerm { Weight = 80, MatchExpressions = [new LabelRequirement { Key = "disk", Operator = LabelRequirementOperator.In, Values = ["ssd"] }] },
            ],
            AntiAffinity = [new WorkloadAffinityRule { MatchExpressions = [new LabelRequirement { Key = "tier", Operator = LabelRequirementOperator.NotIn, Values = ["db"] }] }],
        });

        var ranking = new SchedulerPlacementPolicy(new Enc.Scheduling.Options.SchedulerOptions()).Rank(spec, SchedulingTestData.Pending("default/db"), nodes);

        Assert.Equal(["ssd", "hdd"], ranking.Candidates);
        Assert.Equal("NodeAffinity: node didn't match required node affinity", ranking.Rejections["none"]);
        var selected = ranking.Explanation!.Nodes.Single(n => n.NodeName == "ssd");
        Assert.Contains(selected.Scores, s => s.Plugin == "NodeAffinity" && s.Score == 100);
        var anti = Assert.Single(SchedulingModelMapper.ToRequest(spec, 0).RequiredWorkloadAntiAffinity);
        Assert.Equal(LabelOperator.NotIn, Assert.Single(anti.Selector).Operator);
    }

    [Fact]
    public void NoExecutePlannerEvictsTheIntolerantNowAndSchedulesTheTimeLimited()
    {
        var taint = new NodeTaint { Key = "maintenance", Effect = TaintEffect.NoExecute, AddedAt = T0 };
        var node = SchedulingTestData.Node("a", taints: [taint], workloads: ["plain-0", "limited-0", "forever-0"]);
        WorkloadToleration Tolerate(long? seconds) => new() { Key = "maintenance", Operator = TolerationOperator.Exists, TolerationSeconds = seconds };
        AssignedInstance Assigned(string id, WorkloadScheduling scheduling) => new() { InstanceId = id, Spec = SchedulingTestData.Spec(id[..^2], 100, scheduling), SpecVersion = 1 };
        var assigned = new[]
        {
            Assigned("plain-0", WorkloadScheduling.Default with { Priority = 3 }),
            Assigned("limited-0", new WorkloadScheduling { Tolerations = [Tolerate(60)] }),
            Assigned("forever-0", new WorkloadScheduling { Tolerations = [Tolerate(null)] }),
        };

        var plan = NoExecuteEvictionPlanner.Plan(node, assigned, T0.AddSeconds(10));
        var evicted = Assert.Single(plan.EvictNow);
        Assert.Equal(("plain-0", "default/plain", "a", EvictionCause.NoExecuteTaint, 3), (evicted.InstanceId, evicted.WorkloadId, evicted.NodeName, evicted.Cause, evicted.Priority));
        Assert.Contains("NoExecute taint maintenance", evicted.Reason, StringComparison.Ordinal);
        Assert.Equal(T0.AddSeconds(60), plan.NextDue);

        var later = NoExecuteEvictionPlanner.Plan(node, assigned, T0.AddSeconds(61));
        Assert.Equal(["limited-0", "plain-0"], later.EvictNow.Select(e => e.InstanceId));
        Assert.Null(later.NextDue);
        Assert.Empty(NoExecuteEvictionPlanner.Plan(SchedulingTestData.Node("b"), assigned, T0).EvictNow);
    }
}
