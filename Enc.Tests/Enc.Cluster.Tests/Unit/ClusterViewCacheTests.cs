using Enc.Cluster.Tests.Scheduling;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Nodes;
using Enc.Grains.Workloads.Placement;
using Microsoft.Extensions.Time.Testing;

namespace Enc.Cluster.Tests.Unit;

/// <summary>
/// The silo's placement cache over an in-memory fake of the grains (a cluster cannot exist in a unit test;
/// the cluster tests run the same cache over real grains), with the registry's real change log.
/// </summary>
public sealed class ClusterViewCacheTests
{
    private static readonly TimeSpan FullRefresh = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task TheFirstReadLoadsEveryNodeAndTheInstancesOfNodesWithReservations()
    {
        var source = new FakeClusterStateSource();
        source.Put(SchedulingTestData.Node("b"));
        source.Put(SchedulingTestData.Node("a", workloads: ["w-0", "w-1"]), Instance("w-0"), Instance("w-1", finished: true));
        var cache = new ClusterViewCache(source, new FakeTimeProvider(), FullRefresh, FetchTimeout);

        var view = await cache.ReadAsync();

        Assert.Equal(["a", "b"], view.Nodes.Select(n => n.Name));
        var placed = Assert.Single(view.Instances); // finished instances hold nothing
        Assert.Equal(("a", "w-0"), (placed.NodeName, placed.Instance.InstanceId));
        Assert.Equal(["instances a", "node a", "node b"], source.Reads.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LaterReadsReReadOnlyTheNodesTheRegistryReportsChanged()
    {
        var source = new FakeClusterStateSource();
        source.Put(SchedulingTestData.Node("a"));
        source.Put(SchedulingTestData.Node("b"));
        var cache = new ClusterViewCache(source, new FakeTimeProvider(), FullRefresh, FetchTimeout);
        await cache.ReadAsync();
        source.Reads.Clear();

        var unchanged = await cache.ReadAsync();
        source.Put(SchedulingTestData.Node("b", allocatedCpu: 500, workloads: ["w-0"]), Instance("w-0"));
        var changed = await cache.ReadAsync();

        Assert.Equal(2, unchanged.Nodes.Count);
        Assert.Equal(["node b", "instances b"], source.Reads);
        Assert.Equal(500, changed.Nodes.Single(n => n.Name == "b").Resources.Allocated.CpuMillicores);
        Assert.Equal("w-0", Assert.Single(changed.Instances).Instance.InstanceId);
    }

    [Fact]
    public async Task AnInvalidatedNodeIsReReadEvenWhenItsChangeNotificationWasLost()
    {
        var source = new FakeClusterStateSource();
        source.Put(SchedulingTestData.Node("a"));
        var cache = new ClusterViewCache(source, new FakeTimeProvider(), FullRefresh, FetchTimeout);
        await cache.ReadAsync();

        source.PutSilently(SchedulingTestData.Node("a", allocatedCpu: 700));
        var stale = await cache.ReadAsync();
        cache.Invalidate("a");
        var fresh = await cache.ReadAsync();

        Assert.Equal(0, stale.Nodes[0].Resources.Allocated.CpuMillicores);
        Assert.Equal(700, fresh.Nodes[0].Resources.Allocated.CpuMillicores);
    }

    [Fact]
    public async Task AfterTheFullRefreshIntervalEveryNodeIsReReadAndUnknownOnesAreDropped()
    {
        var source = new FakeClusterStateSource();
        var time = new FakeTimeProvider();
        source.Put(SchedulingTestData.Node("a"));
        source.Put(SchedulingTestData.Node("b"));
        var cache = new ClusterViewCache(source, time, FullRefresh, FetchTimeout);
        await cache.ReadAsync();

        source.PutSilently(SchedulingTestData.Node("a", allocatedCpu: 300));
        source.ForgetSilently("b");
        time.Advance(FullRefresh);
        source.Reads.Clear();
        var view = await cache.ReadAsync();

        Assert.Equal(["a"], view.Nodes.Select(n => n.Name));
        Assert.Equal(300, view.Nodes[0].Resources.Allocated.CpuMillicores);
        Assert.Equal(["node a"], source.Reads);
    }

    [Fact]
    public async Task ARegistryRestartMakesTheNextReadAFullOne()
    {
        var source = new FakeClusterStateSource();
        source.Put(SchedulingTestData.Node("a"));
        var cache = new ClusterViewCache(source, new FakeTimeProvider(), FullRefresh, FetchTimeout);
        await cache.ReadAsync();

        source.PutSilently(SchedulingTestData.Node("a", allocatedCpu: 900));
        source.RestartRegistry();
        var view = await cache.ReadAsync();

        Assert.Equal(900, view.Nodes[0].Resources.Allocated.CpuMillicores);
    }

    [Fact]
    public async Task AFailedReadKeepsTheInvalidatedNodesDueForTheNextRead()
    {
        var source = new FakeClusterStateSource();
        source.Put(SchedulingTestData.Node("a"));
        var cache = new ClusterViewCache(source, new FakeTimeProvider(), FullRefresh, FetchTimeout);
        await cache.ReadAsync();
        source.PutSilently(SchedulingTestData.Node("a", allocatedCpu: 100));
        cache.Invalidate("a");

        source.FailNextNodeRead = true;
        await Assert.ThrowsAsync<InvalidOperationException>(cache.ReadAsync);
        var view = await cache.ReadAsync();

        Assert.Equal(100, view.Nodes[0].Resources.Allocated.CpuMillicores);
    }

    [Fact]
    public async Task ANodeThatDoesNotAnswerKeepsItsLastEntryAndIsTriedAgainAfterTheTimeout()
    {
        var source = new FakeClusterStateSource();
        source.Put(SchedulingTestData.Node("a"));
        source.Put(SchedulingTestData.Node("b"));
        var time = new FakeTimeProvider();
        var cache = new ClusterViewCache(source, time, FullRefresh, FetchTimeout);
        await cache.ReadAsync();

        source.Hanging.Add("b");
        source.Put(SchedulingTestData.Node("a", allocatedCpu: 100));
        source.Put(SchedulingTestData.Node("b", allocatedCpu: 200));
        var pending = cache.ReadAsync();
        time.Advance(FetchTimeout); // b's grains never answer: the read gives up on b after the timeout
        var partial = await pending;
        source.Hanging.Clear();
        var beforeRetry = await cache.ReadAsync();
        time.Advance(FetchTimeout);
        var retried = await cache.ReadAsync();

        Assert.Equal((100L, 0L), (partial.Nodes[0].Resources.Allocated.CpuMillicores, partial.Nodes[1].Resources.Allocated.CpuMillicores));
        Assert.Equal(0, beforeRetry.Nodes[1].Resources.Allocated.CpuMillicores); // not asked again before its time
        Assert.Equal(200, retried.Nodes[1].Resources.Allocated.CpuMillicores);
    }

    private static AssignedInstance Instance(string id, bool finished = false) =>
        new() { InstanceId = id, Spec = SchedulingTestData.Spec("w", 100), SpecVersion = 1, Finished = finished };

    /// <summary>Node and instance grains as dictionaries, the registry as the real change log.</summary>
    private sealed class FakeClusterStateSource : IClusterStateSource
    {
        private readonly Dictionary<string, (NodeSnapshot Node, AssignedInstance[] Instances)> _nodes = new(StringComparer.Ordinal);
        private NodeChangeLog _log = new();

        public List<string> Reads { get; } = [];

        public bool FailNextNodeRead { get; set; }

        public HashSet<string> Hanging { get; } = new(StringComparer.Ordinal);

        public void Put(NodeSnapshot node, params AssignedInstance[] instances)
        {
            PutSilently(node, instances);
            _log.Record(node.Name);
        }

        public void PutSilently(NodeSnapshot node, params AssignedInstance[] instances) => _nodes[node.Name] = (node, instances);

        public void ForgetSilently(string name) => _nodes.Remove(name);

        public void RestartRegistry() => _log = new NodeChangeLog();

        public Task<NodeChangeSet> ChangesSinceAsync(Guid epoch, long sequence) =>
            Task.FromResult(_log.Since(epoch, sequence, [.. _nodes.Keys]));

        public Task<NodeSnapshot?> GetNodeAsync(string nodeName)
        {
            if (FailNextNodeRead)
            {
                FailNextNodeRead = false;
                throw new InvalidOperationException("node grain unavailable");
            }

            Reads.Add("node " + nodeName);
            if (Hanging.Contains(nodeName))
            {
                return new TaskCompletionSource<NodeSnapshot?>().Task; // its silo died: no answer ever comes
            }

            return Task.FromResult(_nodes.TryGetValue(nodeName, out var n) ? n.Node : null);
        }

        public Task<IReadOnlyList<AssignedInstance>> ListInstancesAsync(string nodeName)
        {
            Reads.Add("instances " + nodeName);
            return Task.FromResult<IReadOnlyList<AssignedInstance>>(_nodes[nodeName].Instances);
        }

        public Task<IReadOnlyList<NodeLatency>> ListLatenciesAsync() => Task.FromResult<IReadOnlyList<NodeLatency>>([]);
    }
}
