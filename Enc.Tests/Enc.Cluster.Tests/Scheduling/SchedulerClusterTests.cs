using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;
using Enc.Scheduling.Framework;

namespace Enc.Cluster.Tests.Scheduling;

/// <summary>
/// The scheduler wired into a real multi-node cluster (three silos, each a node with its agent running
/// real processes): selectors, taints, anti-affinity, explanations.
/// </summary>
public sealed class SchedulerClusterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NodeSelectorAndNoScheduleTaintAreHonouredAndExplainNamesTheRejectingFilter()
    {
        await using var c = await SchedulerCluster.StartAsync(silos: 3);
        var ssd = c.Nodes[1];
        var labelled = await c.Client.Nodes.LabelAsync(ssd, ["disk=ssd"], Ct);
        Assert.Equal("ssd", labelled!.Capabilities.Labels["disk"]);

        var selector = new WorkloadScheduling { NodeSelector = new Dictionary<string, string> { ["disk"] = "ssd" } };
        await c.Client.Workloads.SubmitAsync(SchedulingTestData.Spec("fast", 100, selector), Ct);
        var fast = await c.WaitRunningAsync("fast", 1);
        Assert.Equal(ssd, Assert.Single(fast.Instances).NodeName);
        var placed = await c.ExplainAsync("fast");
        Assert.Equal(ExplanationOutcome.Placed, placed.Outcome);
        Assert.Equal(ssd, placed.NodeName);
        Assert.Equal("ResourceBased", placed.Algorithm);
        Assert.All(placed.Nodes.Where(n => n.NodeName != ssd), n =>
        {
            Assert.Equal(NodeVerdictKind.Rejected, n.Verdict);
            Assert.Equal(PluginNames.NodeSelector, n.Filter);
            Assert.Equal(RejectionReasons.NodeSelectorMismatch, n.Reason);
        });
        var selected = Assert.Single(placed.Nodes, n => n.NodeName == ssd);
        Assert.Equal(NodeVerdictKind.Selected, selected.Verdict);
        Assert.Contains(selected.Scores, s => s.Plugin == PluginNames.NodeResourcesAllocation);
        Assert.Equal(selected.Scores.Sum(s => (long)s.Score * s.Weight), selected.Total);

        // NoSchedule keeps new instances off; the one already running stays.
        var tainted = await c.Client.Nodes.TaintAsync(ssd, ["dedicated=db:NoSchedule"], Ct);
        Assert.Equal("dedicated=db:NoSchedule", Assert.Single(tainted!.Taints).ToString());
        await c.Client.Workloads.SubmitAsync(SchedulingTestData.Spec("blocked", 100, selector), Ct);
        var blocked = await c.WaitForAsync("blocked", w => w.Instances.Any(i => i.Reason is { Length: > 0 }), "unschedulable reason");
        Assert.Equal(InstanceState.Pending, Assert.Single(blocked.Instances).State);
        Assert.Contains("taint", blocked.Instances[0].Reason, StringComparison.Ordinal);
        var pending = await c.ExplainAsync("blocked");
        Assert.Equal(ExplanationOutcome.Pending, pending.Outcome);
        var rejected = Assert.Single(pending.Nodes, n => n.NodeName == ssd);
        Assert.Equal(PluginNames.TaintToleration, rejected.Filter);
        Assert.Equal(RejectionReasons.UntoleratedTaint, rejected.Reason);
        Assert.Equal(InstanceState.Running, Assert.Single((await c.Client.Workloads.GetAsync("fast", Ct))!.Instances).State);

        // A tolerating workload is placed there.
        var tolerating = selector with { Tolerations = [new WorkloadToleration { Key = "dedicated", Operator = TolerationOperator.Equal, Value = "db", Effect = TaintEffect.NoSchedule }] };
        await c.Client.Workloads.SubmitAsync(SchedulingTestData.Spec("db", 100, tolerating), Ct);
        Assert.Equal(ssd, Assert.Single((await c.WaitRunningAsync("db", 1)).Instances).NodeName);

        // Removing the taint (kubectl syntax key:Effect-) is a cluster change: the parked workload is retried and placed.
        await c.Client.Nodes.TaintAsync(ssd, ["dedicated:NoSchedule-"], Ct);
        Assert.Equal(ssd, Assert.Single((await c.WaitRunningAsync("blocked", 1)).Instances).NodeName);
    }

    [Fact]
    public async Task AntiAffinitySpreadsReplicasOverNodesAndAnExtraReplicaWaitsWithTheReason()
    {
        await using var c = await SchedulerCluster.StartAsync(silos: 3);
        var labels = new Dictionary<string, string> { ["app"] = "web" };
        var spread = new WorkloadScheduling
        {
            AntiAffinity = [new WorkloadAffinityRule { MatchLabels = labels, Topology = AffinityTopology.Node }],
        };
        await c.Client.Workloads.SubmitAsync(SchedulingTestData.Spec("web", 50, spread, labels) with { Replicas = 4 }, Ct);
        var web = await c.WaitRunningAsync("web", 3);
        Assert.Equal(c.Nodes.Order(), web.Instances.Where(i => i.State == InstanceState.Running).Select(i => i.NodeName!).Order());
        var fourth = Assert.Single(web.Instances, i => i.State == InstanceState.Pending);
        Assert.Equal(3, fourth.Ordinal);
        Assert.Contains("anti-affinity", fourth.Reason, StringComparison.Ordinal);
        var explained = await c.ExplainAsync("web");
        Assert.Equal(3, explained.Replica);
        Assert.All(explained.Nodes, n => Assert.Equal((NodeVerdictKind.Rejected, PluginNames.WorkloadAffinity, RejectionReasons.WorkloadAntiAffinityConflict), (n.Verdict, n.Filter, n.Reason)));
    }
}
