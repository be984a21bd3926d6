using Enc.Cluster.Tests.Scheduling;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Scheduling;
using Enc.Grains.Workloads;
using Enc.Grains.Workloads.Placement;
using Enc.Scheduling.Framework;
using Enc.Scheduling.Options;

namespace Enc.Cluster.Tests.Unit;

/// <summary>The placer with the real scheduler policy over a recorded fake cluster (a cluster cannot exist in a unit test).</summary>
public sealed class PendingInstancePlacerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static (WorkloadPlanner Planner, WorkloadRecord Record) Planner(WorkloadSpec spec)
    {
        var record = new WorkloadRecord();
        var n = 0;
        var planner = new WorkloadPlanner(record, () => T0, () => (n++).ToString(System.Globalization.CultureInfo.InvariantCulture));
        planner.Apply(spec, allowUpdate: false);
        planner.Converge();
        return (planner, record);
    }

    [Fact]
    public async Task PreemptsTheMinimalVictimOnlyAfterTheAtomicReserveAndRecordsTheDecision()
    {
        var low = SchedulingTestData.Spec("batch", 1500, new WorkloadScheduling { Priority = 1 });
        var cluster = new RecordingPlacementCluster(new ClusterView(
            [SchedulingTestData.Node("a", cpu: 2000, allocatedCpu: 1500, workloads: ["batch-0"], allocatedMemory: 64L << 20)],
            [new PlacedInstance("a", new AssignedInstance { InstanceId = "batch-0", Spec = low, SpecVersion = 1 })],
            []));
        var (planner, record) = Planner(SchedulingTestData.Spec("critical", 1000, new WorkloadScheduling { Priority = 100 }));

        var outcome = await new PendingInstancePlacer(new SchedulerPlacementPolicy(new SchedulerOptions()), cluster).PlaceAsync(planner, record.Spec!);

        Assert.Equal((1, 0), (outcome.Placed, outcome.StillPending));
        Assert.Equal(["reserve a default-critical-0 victims=batch-0", "assign a default-critical-0", "evict batch-0 default/batch"], cluster.Calls);
        var victim = Assert.Single(outcome.Evictions);
        Assert.Equal("preempted by default/critical (priority 100)", victim.Reason);
        var decision = Assert.Single(outcome.Decisions);
        Assert.Equal((ExplanationOutcome.Placed, "a", 100), (decision.Outcome, decision.NodeName, decision.Priority));
        Assert.Equal(InstanceState.Scheduled, record.Instances.Single().State);
        Assert.Contains(record.Events, e => e.Kind == PendingInstancePlacer.PreemptionEvent);
        var scheduled = Assert.Single(record.Events, e => e.Kind == "Scheduled");
        Assert.False(string.IsNullOrEmpty(decision.Algorithm));
        Assert.Equal($"on a by {decision.Algorithm}/{decision.ResourceStrategy}", scheduled.Message);
    }

    [Fact]
    public async Task AnEqualPriorityWorkloadWaitsWithTheReasonAndWhatWouldHelp()
    {
        var other = SchedulingTestData.Spec("batch", 1500);
        var cluster = new RecordingPlacementCluster(new ClusterView(
            [SchedulingTestData.Node("a", cpu: 2000, allocatedCpu: 1500, workloads: ["batch-0"], allocatedMemory: 64L << 20)],
            [new PlacedInstance("a", new AssignedInstance { InstanceId = "batch-0", Spec = other, SpecVersion = 1 })],
            []));
        var (planner, record) = Planner(SchedulingTestData.Spec("web", 1000));

        var outcome = await new PendingInstancePlacer(new SchedulerPlacementPolicy(new SchedulerOptions()), cluster).PlaceAsync(planner, record.Spec!);

        Assert.Equal((0, 1), (outcome.Placed, outcome.StillPending));
        Assert.Empty(cluster.Calls);
        Assert.True(outcome.WakeOn.HasFlag(ClusterChangeKinds.InstanceRemoved));
        var pending = Assert.Single(record.Instances);
        Assert.Equal(InstanceState.Pending, pending.State);
        Assert.Contains(RejectionReasons.InsufficientCpu, pending.Reason, StringComparison.Ordinal);
        var rejected = Assert.Single(Assert.Single(outcome.Decisions).Nodes);
        Assert.Equal((NodeVerdictKind.Rejected, PluginNames.NodeResourcesFit), (rejected.Verdict, rejected.Filter));
    }

    [Fact]
    public async Task AReservationRefusedByTheLiveNodeFallsThroughToTheNextCandidate()
    {
        var cluster = new RecordingPlacementCluster(SchedulingTestData.View(SchedulingTestData.Node("a"), SchedulingTestData.Node("b"))) { Refuse = "a" };
        var (planner, record) = Planner(SchedulingTestData.Spec("web", 100) with { Replicas = 1 });
        var policy = new SchedulerPlacementPolicy(new SchedulerOptions());
        var first = policy.Rank(record.Spec!, planner.Pending()[0], cluster.View).Candidates[0];
        cluster.Refuse = first;

        var outcome = await new PendingInstancePlacer(policy, cluster).PlaceAsync(planner, record.Spec!);

        Assert.Equal(1, outcome.Placed);
        Assert.NotEqual(first, record.Instances.Single().NodeName);
    }

    private sealed class RecordingPlacementCluster(ClusterView view) : IPlacementCluster
    {
        public ClusterView View { get; } = view;

        public List<string> Calls { get; } = [];

        public string Refuse { get; set; } = "";

        public Task<ClusterView> ReadAsync() => Task.FromResult(View);

        public Task<bool> TryReserveAsync(string nodeName, string workloadId, string instanceId, ResourceQuantities request, IReadOnlyList<string> victims)
        {
            if (nodeName == Refuse)
            {
                return Task.FromResult(false);
            }

            Calls.Add($"reserve {nodeName} {instanceId}" + (victims.Count == 0 ? "" : " victims=" + string.Join(",", victims)));
            return Task.FromResult(true);
        }

        public Task<IReadOnlyDictionary<string, int>?> AssignAsync(string nodeName, AssignedInstance instance)
        {
            Calls.Add($"assign {nodeName} {instance.InstanceId}");
            return Task.FromResult<IReadOnlyDictionary<string, int>?>(new Dictionary<string, int>());
        }

        public Task ReleaseAsync(string nodeName, string instanceId)
        {
            Calls.Add($"release {nodeName} {instanceId}");
            return Task.CompletedTask;
        }

        public Task ReleaseFinishedAsync(string nodeName, string instanceId)
        {
            Calls.Add($"release-finished {nodeName} {instanceId}");
            return Task.CompletedTask;
        }

        public Task ReleaseStoppedAsync(string nodeName, string instanceId)
        {
            Calls.Add($"release-stopped {nodeName} {instanceId}");
            return Task.CompletedTask;
        }

        public Task EvictAsync(InstanceEviction eviction)
        {
            Calls.Add($"evict {eviction.InstanceId} {eviction.WorkloadId}");
            return Task.CompletedTask;
        }
    }
}
