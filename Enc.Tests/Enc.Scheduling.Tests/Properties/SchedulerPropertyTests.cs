using CsCheck;

namespace Enc.Scheduling.Tests.Properties;

/// <summary>Safety invariants over random clusters and workloads (CsCheck; a failure prints a reproducible seed).</summary>
public sealed class SchedulerPropertyTests
{
    private const int Iterations = 150;

    /// <summary>Runs the scenario through a fresh pipeline, checking every placement as it is made.</summary>
    private static List<SchedulingDecision> RunChecked(Scenario scenario, bool reversed = false)
    {
        var snapshot = scenario.Snapshot(reversed);
        var pipeline = new SchedulingPipeline(snapshot);
        var nodes = scenario.Nodes.ToDictionary(n => n.Id);
        var queue = new SchedulingQueue();
        foreach (var request in scenario.Requests)
        {
            queue.Enqueue(request);
        }

        var decisions = new List<SchedulingDecision>();
        while (queue.TryDequeue(out var item))
        {
            var liveBefore = pipeline.State.Instances.Where(r => r.Alive).Select(r => (r.Instance, nodes[r.Instance.NodeId])).ToList();
            var decision = pipeline.Schedule(item.Request, item.ReplicaIndex);
            decisions.Add(decision);
            if (decision.Outcome != SchedulingOutcome.Placed)
            {
                continue;
            }

            var node = nodes[decision.NodeId];
            Assert.True(ReferenceConstraints.NodeAllows(item.Request, node), $"{decision.InstanceId} on {node.Id} breaks a node constraint");
            var survivors = liveBefore.Where(l => decision.Evictions.All(e => e.InstanceId != l.Instance.Id)).ToList();
            Assert.True(ReferenceConstraints.AffinityHolds(item.Request, node, survivors), $"{decision.InstanceId} on {node.Id} breaks workload affinity");
            Assert.All(decision.Evictions, e => Assert.True(e.Priority < item.Request.Priority, "evicted an instance of equal or higher priority"));
            CheckNoOvercommit(pipeline.State);
            if (item.Request.ZoneSpread is { } spread)
            {
                CheckSkew(pipeline.State, scenario, item.Request, spread.MaxSkew, node.Zone);
            }
        }

        return decisions;
    }

    private static void CheckNoOvercommit(SchedulerState state)
    {
        var sums = new ResourceVector[state.NodeCount];
        foreach (var record in state.Instances.Where(r => r.Alive))
        {
            sums[record.Node] += record.Instance.Resources;
        }

        for (var n = 0; n < state.NodeCount; n++)
        {
            Assert.Equal(sums[n], state.Allocated.Get(n));
            Assert.True(sums[n].FitsWithin(state.Capacity.Get(n)), $"{state.NodeIds[n]} overcommitted: {sums[n]} > {state.Capacity.Get(n)}");
        }
    }

    private static void CheckSkew(SchedulerState state, Scenario scenario, SchedulingRequest request, int maxSkew, string placedZone)
    {
        var eligible = scenario.Nodes.Where(n => n.Zone.Length > 0 && ReferenceConstraints.NodeAllows(request, n)).Select(n => n.Zone).Distinct().ToList();
        var counts = eligible.ToDictionary(z => z, z => state.Instances.Count(r => r.Alive && r.Instance.WorkloadId == request.WorkloadId && state.Zones[state.ZoneOf[r.Node]] == z));
        Assert.Contains(placedZone, eligible);
        Assert.True(counts[placedZone] - counts.Values.Min() <= maxSkew, $"zone skew of {request.WorkloadId} exceeds {maxSkew}: {string.Join(",", counts)}");
    }

    [Fact]
    public void EveryPlacementRespectsResourcesConstraintsAndSkew() =>
        Scenario.Generator.Sample(scenario => { RunChecked(scenario); }, iter: Iterations);

    [Fact]
    public void SameInputSameOutputWhateverTheInputOrder() =>
        Scenario.Generator.Sample(scenario =>
        {
            static string Render(IEnumerable<SchedulingDecision> decisions) => string.Join("\n", decisions.Select(d =>
                $"{d.InstanceId}|{d.WorkloadId}/{d.ReplicaIndex}|{d.Outcome}|{d.NodeId}|{d.FinalScore}|{string.Join(",", d.Evictions.Select(e => e.InstanceId))}|{d.Message}"));
            var first = Render(RunChecked(scenario));
            var second = Render(RunChecked(scenario));
            var reversed = Render(RunChecked(scenario, reversed: true));
            Assert.Equal(first, second);
            Assert.Equal(first, reversed);
        }, iter: Iterations / 2);

    [Fact]
    public void TheGeneratorExercisesEveryConstraintAndOutcome()
    {
        // Guards the properties above against passing vacuously (for example, if nothing were ever placed).
        int placed = 0, pending = 0, preempted = 0, spread = 0, antiAffinity = 0, tolerated = 0;
        Scenario.Generator.Sample(scenario =>
        {
            foreach (var decision in RunChecked(scenario))
            {
                var request = scenario.Requests.Single(r => r.WorkloadId == decision.WorkloadId);

                var isPlaced = decision.Outcome == SchedulingOutcome.Placed;
                Interlocked.Add(ref placed, isPlaced ? 1 : 0);
                Interlocked.Add(ref pending, isPlaced ? 0 : 1);
                Interlocked.Add(ref preempted, decision.Evictions.Count > 0 ? 1 : 0);
                Interlocked.Add(ref spread, isPlaced && request.ZoneSpread is not null ? 1 : 0);
                Interlocked.Add(ref antiAffinity, isPlaced && request.RequiredWorkloadAntiAffinity.Count > 0 ? 1 : 0);
                Interlocked.Add(ref tolerated, isPlaced && scenario.Nodes.Single(n => n.Id == decision.NodeId).Taints.Any(t => t.Key == "gpu") ? 1 : 0);
            }
        }, iter: 60);
        Assert.True(placed > 0 && pending > 0 && preempted > 0 && spread > 0 && antiAffinity > 0 && tolerated > 0,
            $"placed {placed}, pending {pending}, preempted {preempted}, spread {spread}, anti-affinity {antiAffinity}, tolerated {tolerated}");
    }

    [Fact]
    public void ConcurrentBindingNeverOvercommits() =>
        Scenario.Generator.Sample(scenario =>
        {
            var snapshot = scenario.Snapshot();
            var target = new InMemoryBindingTarget(snapshot);
            Parallel.For(0, 4, worker =>
            {
                var pipeline = new SchedulingPipeline(snapshot, new SchedulerOptions { MaxBindAttempts = 10 });
                foreach (var request in scenario.Requests)
                {
                    var mine = request with { WorkloadId = $"{request.WorkloadId}-t{worker}" };
                    for (var r = 0; r < mine.Replicas; r++)
                    {
                        pipeline.ScheduleAndBind(mine, r, target);
                    }
                }
            });
            var live = target.ToSnapshot(snapshot);
            foreach (var node in live.Nodes)
            {
                var sum = live.Instances.Where(i => i.NodeId == node.Id).Aggregate(ResourceVector.Zero, (s, i) => s + i.Resources);
                Assert.Equal(sum, node.Allocated);
                Assert.True(sum.FitsWithin(node.Capacity), $"{node.Id} overcommitted");
            }
        }, iter: 40);
}
