using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;
using Enc.Ledger.Receipts;
using Enc.Scheduling.Framework;

namespace Enc.Cluster.Tests.Scheduling;

/// <summary>
/// Evictions executed in a real multi-node cluster (real agents and processes): NoExecute taints and
/// priority preemption, with the evicted instances stopped by their agents and their workloads rescheduled
/// or left Pending with a reason until the cluster changes.
/// </summary>
public sealed class EvictionClusterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoExecuteTaintEvictsInstancesThatDoNotTolerateItAndTheyRunElsewhere()
    {
        await using var c = await SchedulerCluster.StartAsync(silos: 2);
        var target = c.Nodes[0];
        var onTarget = new WorkloadScheduling { NodeSelector = new Dictionary<string, string> { ["pool"] = "a" } };
        await c.Client.Nodes.LabelAsync(target, ["pool=a"], Ct);
        var toleration = new WorkloadToleration { Key = "maintenance", Operator = TolerationOperator.Exists, Effect = TaintEffect.NoExecute };
        await c.Client.Workloads.SubmitAsync(SchedulingTestData.Spec("plain", 100, onTarget), Ct);
        await c.Client.Workloads.SubmitAsync(SchedulingTestData.Spec("tolerant", 100, onTarget with { Tolerations = [toleration] }), Ct);
        await c.Client.Workloads.SubmitAsync(SchedulingTestData.Spec("limited", 100, onTarget with { Tolerations = [toleration with { TolerationSeconds = 3 }] }), Ct);
        var plain = Assert.Single((await c.WaitRunningAsync("plain", 1)).Instances);
        var limited = Assert.Single((await c.WaitRunningAsync("limited", 1)).Instances);
        var tolerant = Assert.Single((await c.WaitRunningAsync("tolerant", 1)).Instances);
        Assert.Equal(target, plain.NodeName);

        // The selector pinned them to the target; free them to move, then taint the target NoExecute.
        await c.Client.Nodes.LabelAsync(c.Nodes[1], ["pool=a"], Ct);
        var taintedAt = DateTimeOffset.UtcNow;
        await c.Client.Nodes.TaintAsync(target, ["maintenance=true:NoExecute"], Ct);

        var moved = await c.WaitForAsync("plain", w => w.Instances.Any(i => i.State == InstanceState.Running && i.NodeName == c.Nodes[1]), "running on the other node");
        var evicted = moved.Instances.Single(i => i.InstanceId == plain.InstanceId);
        Assert.Equal(InstanceState.Stopped, evicted.State);
        Assert.Contains("NoExecute taint maintenance=true", evicted.Reason, StringComparison.Ordinal);
        Assert.Contains(await c.Client.Workloads.EventsAsync("plain", Ct), e => e.Kind == "Evicted" && e.InstanceId == plain.InstanceId);
        await c.WaitForReceiptAsync(plain.InstanceId, ReceiptKind.InstanceEvicted);

        // The agent stopped the evicted process and the node released it; the tolerating instance stays.
        await Eventually.WaitAsync(() => c.Client.Nodes.GetAsync(target, Ct), n => !n!.Workloads.Contains(plain.InstanceId), SchedulerCluster.Timeout, "reservation released");

        // tolerationSeconds: 3 lets the instance stay that long after the taint, then it is evicted too.
        var limitedAfter = await c.WaitForAsync("limited", w => w.Instances.Any(i => i.InstanceId == limited.InstanceId && i.State == InstanceState.Stopped), "evicted after its toleration ran out");
        Assert.True(limitedAfter.Instances.Single(i => i.InstanceId == limited.InstanceId).FinishedAt >= taintedAt.AddSeconds(3));
        var still = Assert.Single((await c.Client.Workloads.GetAsync("tolerant", Ct))!.Instances);
        Assert.Equal((tolerant.InstanceId, InstanceState.Running, target), (still.InstanceId, still.State, still.NodeName));
    }

    [Fact]
    public async Task AHighPriorityWorkloadPreemptsTheMinimalSetAndTheVictimWaitsUntilRoomReturns()
    {
        await using var c = await SchedulerCluster.StartAsync(silos: 2);
        var capacity = (await c.Client.Nodes.GetAsync(c.Nodes[0], Ct))!.Resources.Capacity.CpuMillicores;

        // Fill both nodes: each low replica takes more than half a node, so one fits per node.
        var low = SchedulingTestData.Spec("batch", (capacity / 2) + 100, new WorkloadScheduling { Priority = 1 }) with { Replicas = 2 };
        await c.Client.Workloads.SubmitAsync(low, Ct);
        var before = await c.WaitRunningAsync("batch", 2);
        Assert.Equal(c.Nodes.Order(), before.Instances.Select(i => i.NodeName!).Order());

        await c.Client.Workloads.SubmitAsync(SchedulingTestData.Spec("critical", capacity / 2, new WorkloadScheduling { Priority = 100 }), Ct);
        var critical = Assert.Single((await c.WaitRunningAsync("critical", 1)).Instances);
        var decision = await c.ExplainAsync("critical");
        Assert.Equal(ExplanationOutcome.Placed, decision.Outcome);
        var eviction = Assert.Single(decision.Evictions);
        Assert.Equal((EvictionCause.Preemption, "default/batch", critical.NodeName), (eviction.Cause, eviction.WorkloadId, eviction.NodeName));

        // The victim was stopped; its replacement waits Pending with the reason, parked (not retried in a loop).
        var batch = await c.WaitForAsync("batch", w => w.Instances.Any(i => i.State == InstanceState.Pending && i.Reason is { Length: > 0 }), "replacement pending");
        var victim = batch.Instances.Single(i => i.InstanceId == eviction.InstanceId);
        Assert.Equal(InstanceState.Stopped, victim.State);
        Assert.Equal("preempted by default/critical (priority 100)", victim.Reason);
        Assert.Contains(await c.Client.Workloads.EventsAsync("batch", Ct), e => e.Kind == "Evicted" && e.InstanceId == victim.InstanceId);
        await c.WaitForReceiptAsync(victim.InstanceId, ReceiptKind.InstanceEvicted);
        var replacement = batch.Instances.Single(i => i.State == InstanceState.Pending);
        Assert.Contains(RejectionReasons.InsufficientCpu, replacement.Reason, StringComparison.Ordinal);
        Assert.Single(batch.Instances, i => i.State == InstanceState.Running);
        Assert.Contains(await c.Client.Scheduling.PendingAsync(Ct), p => p.Key == "default/batch" && p.Value.HasFlag(ClusterChangeKinds.InstanceRemoved));
        Assert.DoesNotContain(eviction.InstanceId, (await c.Client.Nodes.GetAsync(eviction.NodeName, Ct))!.Workloads);
        Assert.Equal(ExplanationOutcome.Pending, (await c.ExplainAsync("batch")).Outcome);

        // Freeing the room is a cluster change: the parked replacement is placed again.
        await c.Client.Workloads.DeleteAsync("critical", Ct);
        var after = await c.WaitRunningAsync("batch", 2);
        Assert.Equal(c.Nodes.Order(), after.Instances.Where(i => i.State == InstanceState.Running).Select(i => i.NodeName!).Order());
    }

    [Fact]
    public async Task AgentsMeasureLatencyBetweenNodesAndTheSchedulerScoresWithIt()
    {
        await using var c = await SchedulerCluster.StartAsync(silos: 3);
        var samples = await Eventually.WaitAsync(() => c.Client.Scheduling.LatenciesAsync(Ct), s => s.Count == 6, SchedulerCluster.Timeout, "every ordered node pair measured");
        Assert.All(samples, s => Assert.True(s.RoundTripMicroseconds > 0 && s.FromNode != s.ToNode));
        Assert.Equal(c.Nodes.Order(), samples.Select(s => s.FromNode).Distinct().Order());

        await c.Client.Workloads.SubmitAsync(SchedulingTestData.Spec("db", 100), Ct);
        await c.WaitRunningAsync("db", 1);
        await c.Client.Workloads.SubmitAsync(SchedulingTestData.Spec("api", 100, new WorkloadScheduling { CommunicatesWith = ["db"] }), Ct);
        await c.WaitRunningAsync("api", 1);
        var decision = await c.ExplainAsync("api");
        var selected = Assert.Single(decision.Nodes, n => n.Verdict == NodeVerdictKind.Selected);
        Assert.Contains(selected.Scores, s => s.Plugin == PluginNames.TopologyLatency);
        Assert.All(decision.Nodes.Where(n => n.Verdict == NodeVerdictKind.Scored), n => Assert.Contains(n.Scores, s => s.Plugin == PluginNames.TopologyLatency));
    }
}
