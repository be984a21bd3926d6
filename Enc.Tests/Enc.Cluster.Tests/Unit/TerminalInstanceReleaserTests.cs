using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads;
using Enc.Grains.Workloads.Placement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Enc.Cluster.Tests.Unit;

/// <summary>
/// Giving back the node reservations of ended instances: each release is independent (one failing node call
/// neither throws nor stops the others), a failed one stays pending and is retried, a successful one is not
/// repeated, stopped instances go through the same placement-cluster path, and compaction keeps what is not
/// yet released, a node that does not answer holds its release no longer than the timeout (all releases together
/// take one timeout), and only the selected releases are made. The real node grains cannot show how often they
/// were called, fail or stay silent on demand, so a fake placement cluster counts, fails and withholds answers.
/// </summary>
public sealed class TerminalInstanceReleaserTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly WorkloadRecord _record = new();
    private readonly RecordingLogger _log = new();
    private int _ids;

    private WorkloadPlanner Planner => new(_record, () => DateTimeOffset.UnixEpoch, () => (++_ids).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task AFailedReleaseIsLoggedAndLeftPendingWhileTheOthersAreReleasedWithFakePlacementCluster()
    {
        var (planner, ids) = FinishedInstances(3);
        var node = new FakePlacementCluster { FailuresLeft = 1, FailOn = ids[1] };
        var releaser = new TerminalInstanceReleaser(node, _log, Timeout);

        // One report: the middle release fails; it neither throws nor keeps the third from being released.
        Assert.Equal([ids[0], ids[2]], await releaser.ReleaseAsync(planner));
        Assert.Equal([$"finished n1 {ids[0]}", $"finished n1 {ids[1]}", $"finished n1 {ids[2]}"], node.Calls);
        Assert.True(Instance(ids[0]).NodeReleased);
        Assert.False(Instance(ids[1]).NodeReleased);
        Assert.True(Instance(ids[2]).NodeReleased);
        Assert.Equal(ids[1], Assert.Single(planner.PendingReleases()).InstanceId);
        var (level, message, exception) = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("default/job", message, StringComparison.Ordinal);
        Assert.Contains($"instance {ids[1]}", message, StringComparison.Ordinal);
        Assert.Contains("node n1", message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(exception);

        // Next time: only the failed one is asked again.
        var revision = planner.Revision;
        Assert.Equal([ids[1]], await releaser.ReleaseAsync(planner));
        Assert.Equal($"finished n1 {ids[1]}", node.Calls[^1]);
        Assert.Equal(4, node.Calls.Count);
        Assert.True(Instance(ids[1]).NodeReleased);
        Assert.True(planner.Revision > revision);

        // Every later time: no node call and no change to write.
        revision = planner.Revision;
        Assert.Empty(await releaser.ReleaseAsync(planner));
        Assert.Equal(4, node.Calls.Count);
        Assert.Equal(revision, planner.Revision);
    }

    [Fact]
    public async Task StoppedInstancesAreTakenOffTheirNodeThroughThePlacementClusterWithFakePlacementCluster()
    {
        var planner = Planner;
        planner.Apply(Spec(2), allowUpdate: false);
        var ids = planner.Converge().ToPlace.Select(i => i.InstanceId).ToList();
        planner.Scheduled(ids[0], "n1", new Dictionary<string, int>());
        planner.Scheduled(ids[1], "n2", new Dictionary<string, int>());
        planner.Report("n1", Report(ids[0], InstanceState.Succeeded));
        planner.Stop("stopped by request");
        var stopped = Assert.Single(planner.Converge().ToStop);
        Assert.Equal(ids[1], stopped.InstanceId);

        var node = new FakePlacementCluster();
        Assert.Equal(2, (await new TerminalInstanceReleaser(node, _log, Timeout).ReleaseAsync(planner)).Count);

        // The finished one keeps its entry on its node (logs); the stopped one is taken off its node.
        Assert.Equal([$"finished n1 {ids[0]}", $"stopped n2 {ids[1]}"], node.Calls);
        Assert.All(_record.Instances, i => Assert.True(i.NodeReleased));
        Assert.Empty(_log.Entries);
    }

    [Fact]
    public async Task DeletingTakesFinishedInstancesOffTheirNodeTooWithFakePlacementCluster()
    {
        // Released finished instances keep their entry on the node (logs) until the workload is deleted.
        var (planner, ids) = FinishedInstances(2);
        var node = new FakePlacementCluster();
        var releaser = new TerminalInstanceReleaser(node, _log, Timeout);
        Assert.Equal(2, (await releaser.ReleaseAsync(planner)).Count);

        Assert.True(planner.Delete("deleted"));
        Assert.Equal(ids, planner.PendingReleases().Select(i => i.InstanceId));
        Assert.Equal(2, (await releaser.ReleaseAsync(planner)).Count);
        Assert.Equal([$"finished n1 {ids[0]}", $"finished n1 {ids[1]}", $"stopped n1 {ids[0]}", $"stopped n1 {ids[1]}"], node.Calls);
        Assert.Empty(planner.PendingReleases());
    }

    [Fact]
    public async Task APendingReleaseIsRetriedThoughItsNodeNoLongerReportsWithFakePlacementCluster()
    {
        // A node gone for good never reports again; its grains still take the release (they run on any silo).
        var (planner, ids) = FinishedInstances(1);
        var node = new FakePlacementCluster { FailuresLeft = 1, FailOn = ids[0] };
        var releaser = new TerminalInstanceReleaser(node, _log, Timeout);

        Assert.Empty(await releaser.ReleaseAsync(planner));
        Assert.Single(await releaser.ReleaseAsync(planner)); // the retry timer: no report involved
        Assert.True(Instance(ids[0]).NodeReleased);
    }

    [Fact]
    public async Task ARecordWrittenBeforeTheReleaseFactExistedReleasesOnceWithFakePlacementCluster()
    {
        // Such a record loads with NodeReleased false on every ended instance (see WorkloadRecordSerializationTests).
        var (planner, _) = FinishedInstances(1);
        var node = new FakePlacementCluster();
        var releaser = new TerminalInstanceReleaser(node, _log, Timeout);

        Assert.Single(await releaser.ReleaseAsync(planner));
        Assert.Empty(await releaser.ReleaseAsync(planner));
        Assert.Single(node.Calls);
    }

    [Fact]
    public async Task CompactionKeepsAnInstanceWhoseReleaseFailedUntilItIsReleasedWithFakePlacementCluster()
    {
        var planner = Planner;
        planner.Apply(Spec(1), allowUpdate: false);
        var evicted = new List<string>();
        for (var run = 0; run < 7; run++)
        {
            var instance = Assert.Single(planner.Converge().ToPlace);
            planner.Scheduled(instance.InstanceId, "n1", new Dictionary<string, int>());
            planner.Evict(instance.InstanceId, "n1", "Evicted", "test");
            evicted.Add(instance.InstanceId);
        }

        // The oldest one's release fails: compaction (keeping 5 ended instances) drops the second, not the oldest.
        var node = new FakePlacementCluster { FailuresLeft = 1, FailOn = evicted[0] };
        var releaser = new TerminalInstanceReleaser(node, _log, Timeout);
        Assert.Equal(6, (await releaser.ReleaseAsync(planner)).Count);
        planner.Compact(keepPerSlot: 5);
        Assert.Contains(_record.Instances, i => i.InstanceId == evicted[0]);
        Assert.DoesNotContain(_record.Instances, i => i.InstanceId == evicted[1]);

        // Once released it is compacted like the others.
        Assert.Single(await releaser.ReleaseAsync(planner));
        planner.Compact(keepPerSlot: 5);
        Assert.DoesNotContain(_record.Instances, i => i.InstanceId == evicted[0]);
        Assert.Equal(evicted[2..], _record.Instances.Where(i => i.IsTerminal).Select(i => i.InstanceId));
    }

    [Fact]
    public async Task ANodeThatDoesNotAnswerLeavesItsReleasePendingAfterOneTimeoutWithFakePlacementCluster()
    {
        // Two of three nodes never answer. The releases run side by side: one timeout ends them all, not one per node.
        var (planner, ids) = FinishedInstances(3);
        var node = new FakePlacementCluster { Hang = [ids[0], ids[2]] };
        var time = new FakeTimeProvider();
        var release = new TerminalInstanceReleaser(node, _log, Timeout, time).ReleaseAsync(planner);
        Assert.False(release.IsCompleted);
        Assert.Equal(3, node.Calls.Count); // every call was made before any answer

        time.Advance(Timeout);
        Assert.Equal([ids[1]], await release.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Equal([ids[0], ids[2]], planner.PendingReleases().Select(i => i.InstanceId));
        Assert.Equal(2, _log.Entries.Count);
        Assert.All(_log.Entries, e =>
        {
            Assert.Equal(LogLevel.Warning, e.Level);
            Assert.Contains("did not complete within 00:00:05", e.Message, StringComparison.Ordinal);
            Assert.IsType<TimeoutException>(e.Exception);
        });

        // The node answers again: the retry releases both.
        node.Hang.Clear();
        Assert.Equal([ids[0], ids[2]], await new TerminalInstanceReleaser(node, _log, Timeout, time).ReleaseAsync(planner));
        Assert.Empty(planner.PendingReleases());
    }

    [Fact]
    public async Task ATimedOutReleaseThatFailsLaterIsLoggedWithFakePlacementCluster()
    {
        // The calls go on after the wait ended: a late failure is logged (not left unobserved), a late success is not.
        var (planner, ids) = FinishedInstances(2);
        var node = new FakePlacementCluster { Held = { [ids[0]] = new(), [ids[1]] = new() } };
        var time = new FakeTimeProvider();
        var release = new TerminalInstanceReleaser(node, _log, Timeout, time).ReleaseAsync(planner);
        time.Advance(Timeout);
        Assert.Empty(await release.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Equal(2, _log.Entries.Count);

        node.Held[ids[1]].SetResult();
        node.Held[ids[0]].SetException(new InvalidOperationException("node n1 refused late"));
        Assert.Equal(3, _log.Entries.Count);
        var (level, message, exception) = _log.Entries[2];
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains($"instance {ids[0]} on node n1, which did not complete within 00:00:05, failed later", message, StringComparison.Ordinal);
        Assert.Equal("node n1 refused late", Assert.IsType<InvalidOperationException>(exception).Message);
        Assert.Equal(ids, planner.PendingReleases().Select(i => i.InstanceId)); // late outcomes change nothing: the retry decides
    }

    [Fact]
    public async Task AReleaseThatFailsWithItsOwnTimeoutIsLoggedAsAFailureWithFakePlacementCluster()
    {
        // An Orleans response timeout (or storage's) is the call failing, not the release timeout running out.
        var (planner, ids) = FinishedInstances(1);
        var node = new FakePlacementCluster { TimeOutAtOnce = [ids[0]] };
        Assert.Empty(await new TerminalInstanceReleaser(node, _log, Timeout).ReleaseAsync(planner));
        var (level, message, exception) = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("failed; it stays pending", message, StringComparison.Ordinal);
        Assert.DoesNotContain("did not complete within", message, StringComparison.Ordinal);
        Assert.IsType<TimeoutException>(exception);
    }

    [Fact]
    public async Task OnlyTheSelectedReleasesAreMadeWithFakePlacementCluster()
    {
        // A user operation releases only what it ended itself; the earlier pending ones are the retry timer's.
        var (planner, ids) = FinishedInstances(3);
        var node = new FakePlacementCluster();
        var releaser = new TerminalInstanceReleaser(node, _log, Timeout);

        Assert.Equal([ids[1]], await releaser.ReleaseAsync(planner, i => i.InstanceId == ids[1]));
        Assert.Equal([$"finished n1 {ids[1]}"], node.Calls);
        Assert.Equal([ids[0], ids[2]], await releaser.ReleaseAsync(planner));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task ReleasedAreExactlyTheAnsweredOnesOverRandomOutcomesWithFakePlacementCluster(int seed)
    {
        // Cross-check against the plain rule: an instance is released exactly when its node answered in time,
        // and every other one stays pending, whatever mix of answers, failures and silences.
        var random = new Random(seed);
        var (planner, ids) = FinishedInstances(12);
        var outcomes = ids.ToDictionary(id => id, _ => random.Next(3)); // 0 answers, 1 fails, 2 never answers
        var node = new FakePlacementCluster { FailAll = [.. ids.Where(id => outcomes[id] == 1)], Hang = [.. ids.Where(id => outcomes[id] == 2)] };
        var time = new FakeTimeProvider();
        var release = new TerminalInstanceReleaser(node, _log, Timeout, time).ReleaseAsync(planner);
        time.Advance(Timeout);

        var expected = ids.Where(id => outcomes[id] == 0).ToList();
        Assert.Equal(expected, await release.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Equal(ids.Except(expected), planner.PendingReleases().Select(i => i.InstanceId));
        Assert.Equal(ids.Count - expected.Count, _log.Entries.Count);
    }

    private static WorkloadSpec Spec(int replicas) => new()
    {
        Name = "job",
        Driver = WorkloadDriver.Process,
        Command = ["/bin/true"],
        Replicas = replicas,
        Resources = new WorkloadResources { CpuMillicores = 100, MemoryBytes = 64L << 20 },
    };

    private static InstanceStatusReport Report(string id, InstanceState state) =>
        new() { InstanceId = id, WorkloadId = "default/job", State = state, ExitCode = state == InstanceState.Succeeded ? 0 : null };

    private WorkloadInstance Instance(string id) => _record.Instances.Single(i => i.InstanceId == id);

    private (WorkloadPlanner Planner, List<string> Ids) FinishedInstances(int count)
    {
        var planner = Planner;
        planner.Apply(Spec(count), allowUpdate: false);
        var ids = planner.Converge().ToPlace.Select(i => i.InstanceId).ToList();
        foreach (var id in ids)
        {
            planner.Scheduled(id, "n1", new Dictionary<string, int>());
            planner.Report("n1", Report(id, InstanceState.Succeeded));
        }

        return (planner, ids);
    }

    /// <summary>Stands in for the node grains: records release calls ("finished|stopped node id") and fails the ones it is told to.</summary>
    private sealed class FakePlacementCluster : IPlacementCluster
    {
        public List<string> Calls { get; } = [];

        public string FailOn { get; init; } = "";

        public int FailuresLeft { get; set; }

        /// <summary>Instances whose release always fails at once.</summary>
        public HashSet<string> FailAll { get; init; } = [];

        /// <summary>Instances whose release never completes (their node does not answer).</summary>
        public HashSet<string> Hang { get; init; } = [];

        /// <summary>Instances whose release completes when the test completes its source.</summary>
        public Dictionary<string, TaskCompletionSource> Held { get; init; } = [];

        /// <summary>Instances whose release fails at once with a TimeoutException of its own (a response timeout).</summary>
        public HashSet<string> TimeOutAtOnce { get; init; } = [];

        public Task ReleaseFinishedAsync(string nodeName, string instanceId) => Release("finished", nodeName, instanceId);

        public Task ReleaseStoppedAsync(string nodeName, string instanceId) => Release("stopped", nodeName, instanceId);

        public Task<ClusterView> ReadAsync() => throw Unexpected();

        public Task<bool> TryReserveAsync(string nodeName, string workloadId, string instanceId, ResourceQuantities request, IReadOnlyList<string> victims) => throw Unexpected();

        public Task<IReadOnlyDictionary<string, int>?> AssignAsync(string nodeName, AssignedInstance instance) => throw Unexpected();

        public Task ReleaseAsync(string nodeName, string instanceId) => throw Unexpected();

        public Task EvictAsync(InstanceEviction eviction) => throw Unexpected();

        private static InvalidOperationException Unexpected() => new("releasing ended instances makes no other cluster call");

        private Task Release(string kind, string nodeName, string instanceId)
        {
            Calls.Add($"{kind} {nodeName} {instanceId}");
            if (FailAll.Contains(instanceId))
            {
                throw new InvalidOperationException($"node {nodeName} failed");
            }

            if (instanceId == FailOn && FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException($"node {nodeName} did not answer");
            }

            if (TimeOutAtOnce.Contains(instanceId))
            {
                return Task.FromException(new TimeoutException($"node {nodeName} response timed out"));
            }

            return Held.TryGetValue(instanceId, out var held) ? held.Task
                : Hang.Contains(instanceId) ? new TaskCompletionSource().Task : Task.CompletedTask;
        }
    }
}
