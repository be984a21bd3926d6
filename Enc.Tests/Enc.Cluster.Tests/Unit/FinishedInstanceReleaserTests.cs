using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads;
using Enc.Grains.Workloads.Placement;

namespace Enc.Cluster.Tests.Unit;

/// <summary>
/// Releasing finished instances' reservations: a failed node call is retried with the next report, a
/// successful one is not repeated. The real node grains cannot show how often they were called (their
/// second call changes nothing), so a fake node side counts and fails calls.
/// </summary>
public sealed class FinishedInstanceReleaserTests
{
    private readonly WorkloadRecord _record = new();
    private int _ids;

    private WorkloadPlanner Planner => new(_record, () => DateTimeOffset.UnixEpoch, () => (++_ids).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task AFailedReleaseIsRetriedOnTheNextReportAndASuccessfulOneIsNotRepeatedWithFakePlacementCluster()
    {
        var (planner, ids) = FinishedInstances(2);
        var node = new FakePlacementCluster { FailuresLeft = 1, FailOn = ids[1] };
        var releaser = new FinishedInstanceReleaser(node);
        var reported = ids.ToHashSet(StringComparer.Ordinal);

        // First report: the first instance is released, the node call for the second fails.
        await Assert.ThrowsAsync<InvalidOperationException>(() => releaser.ReleaseAsync(planner, "n1", reported));
        Assert.Equal([ids[0], ids[1]], node.Calls);
        Assert.True(Instance(ids[0]).NodeReleased);
        Assert.False(Instance(ids[1]).NodeReleased);

        // Next report: only the failed one is asked again.
        var revision = planner.Revision;
        Assert.Equal(1, await releaser.ReleaseAsync(planner, "n1", reported));
        Assert.Equal([ids[0], ids[1], ids[1]], node.Calls);
        Assert.True(Instance(ids[1]).NodeReleased);
        Assert.True(planner.Revision > revision);

        // Every later report: no node call and no change to write.
        revision = planner.Revision;
        Assert.Equal(0, await releaser.ReleaseAsync(planner, "n1", reported));
        Assert.Equal(3, node.Calls.Count);
        Assert.Equal(revision, planner.Revision);
    }

    [Fact]
    public async Task OnlyTheReportingNodesReportedFinishedInstancesAreReleasedWithFakePlacementCluster()
    {
        var (planner, ids) = FinishedInstances(2);
        var node = new FakePlacementCluster();
        var releaser = new FinishedInstanceReleaser(node);

        Assert.Equal(0, await releaser.ReleaseAsync(planner, "n2", ids.ToHashSet(StringComparer.Ordinal)));
        Assert.Equal(1, await releaser.ReleaseAsync(planner, "n1", new HashSet<string>(StringComparer.Ordinal) { ids[1] }));
        Assert.Equal([ids[1]], node.Calls);
        Assert.False(Instance(ids[0]).NodeReleased);
    }

    [Fact]
    public async Task ARecordWrittenBeforeTheReleaseFactExistedReleasesOnceWithFakePlacementCluster()
    {
        // Such a record loads with NodeReleased false on every finished instance (see WorkloadRecordSerializationTests).
        var (planner, ids) = FinishedInstances(1);
        var node = new FakePlacementCluster();
        var releaser = new FinishedInstanceReleaser(node);
        var reported = ids.ToHashSet(StringComparer.Ordinal);

        Assert.Equal(1, await releaser.ReleaseAsync(planner, "n1", reported));
        Assert.Equal(0, await releaser.ReleaseAsync(planner, "n1", reported));
        Assert.Single(node.Calls);
    }

    private WorkloadInstance Instance(string id) => _record.Instances.Single(i => i.InstanceId == id);

    private (WorkloadPlanner Planner, List<string> Ids) FinishedInstances(int count)
    {
        var planner = Planner;
        planner.Apply(new WorkloadSpec
        {
            Name = "job",
            Driver = WorkloadDriver.Process,
            Command = ["/bin/true"],
            Replicas = count,
            Resources = new WorkloadResources { CpuMillicores = 100, MemoryBytes = 64L << 20 },
        }, allowUpdate: false);
        var ids = planner.Converge().ToPlace.Select(i => i.InstanceId).ToList();
        foreach (var id in ids)
        {
            planner.Scheduled(id, "n1", new Dictionary<string, int>());
            planner.Report("n1", new InstanceStatusReport { InstanceId = id, WorkloadId = "default/job", State = InstanceState.Succeeded, ExitCode = 0 });
        }

        return (planner, ids);
    }

    /// <summary>Stands in for the node grains: records release calls and fails the ones it is told to.</summary>
    private sealed class FakePlacementCluster : IPlacementCluster
    {
        public List<string> Calls { get; } = [];

        public string FailOn { get; init; } = "";

        public int FailuresLeft { get; set; }

        public Task ReleaseFinishedAsync(string nodeName, string instanceId)
        {
            Calls.Add(instanceId);
            if (instanceId == FailOn && FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException($"node {nodeName} did not answer");
            }

            return Task.CompletedTask;
        }

        public Task<ClusterView> ReadAsync() => throw Unexpected();

        public Task<bool> TryReserveAsync(string nodeName, string instanceId, ResourceQuantities request, IReadOnlyList<string> victims) => throw Unexpected();

        public Task<IReadOnlyDictionary<string, int>?> AssignAsync(string nodeName, AssignedInstance instance) => throw Unexpected();

        public Task ReleaseAsync(string nodeName, string instanceId) => throw Unexpected();

        public Task EvictAsync(InstanceEviction eviction) => throw Unexpected();

        private static InvalidOperationException Unexpected() => new("releasing finished instances makes no other cluster call");
    }
}
