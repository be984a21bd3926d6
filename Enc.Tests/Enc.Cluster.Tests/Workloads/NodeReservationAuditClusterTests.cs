using Enc.Client;
using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Interfaces.Hosting;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Nodes.Reservations;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Nodes.Options;
using Enc.Grains.Nodes.Reservations;
using Enc.Grains.Workloads.Options;
using Enc.Ledger.Receipts;
using Enc.Silo.Database;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enc.Cluster.Tests.Workloads;

/// <summary>
/// The node reservation audit gives back what no workload holds any more: the reservation (and running task) of a
/// placement whose write failed and whose activation was lost before a write stored it, so that the instance was
/// placed again elsewhere; and the finished entries that compaction dropped from a workload that was then deleted.
/// It never releases a reservation its workload holds (in memory or storage), nor one younger than the grace period
/// (a placement in progress), nor one made again after the audit read it, and it leaves a reservation alone while
/// its workload cannot be asked. Real agent, process driver, PostgreSQL storage wrapped to fail on demand.
/// </summary>
public sealed class NodeReservationAuditClusterTests
{
    private const string WorkloadState = "workload";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);
    private static readonly ResourceQuantities Small = new() { CpuMillicores = 50, MemoryBytes = 8L << 20, DiskBytes = 0, NetworkBitsPerSecond = 0 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APlacementLostWithItsActivationIsReleasedByThePeriodicAuditAndItsCapacityReturnsWithFailingStorage()
    {
        await using var h = await Harness.StartAsync(silos: 2, auditInterval: TimeSpan.FromSeconds(1));
        var grain = h.Cluster.Grains.GetGrain<IWorkloadGrain>("default/web");

        // The submission's first write succeeds; the write recording its placement fails, and so does every later one.
        h.Failures.ArmAfter(WorkloadState, "default/web", successes: 1);
        await Assert.ThrowsAnyAsync<Exception>(() => h.Client.Workloads.SubmitAsync(Job("web", ["/bin/sleep", "3600"]), Ct));
        var lost = Assert.Single((await grain.GetAsync())!.Instances);
        var first = lost.NodeName!;
        var other = h.NodeNames.Single(n => n != first);

        // While the activation holds the unwritten placement, audits (every second) leave it alone though it is old.
        await Task.Delay(Grace * 2, Ct);
        Assert.Equal(100, await AllocatedAsync(h, first));

        // The node is tainted so that the placement made again goes elsewhere; the activation goes away (its last
        // write fails too), so storage's Pending instance is all that is left of the placement.
        await h.Cluster.Grains.GetGrain<INodeGrain>(first).UpdateMarkingsAsync(new NodeMarkingChange
        {
            AddTaints = [new NodeTaint { Key = "audit-test", Effect = TaintEffect.NoSchedule }],
        });
        await Eventually.WaitAsync(
            async () =>
            {
                await h.Cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, Ct);
                return Assert.Single((await grain.GetAsync())!.Instances);
            },
            i => i.NodeName != first, Timeout, "the activation holding the placement gone");
        h.Failures.Disarm(WorkloadState, "default/web");

        // The same instance is placed again on the other node; the audit gives the lost reservation back and takes the
        // instance off the first node (its agent stops the task there).
        await grain.RetryPendingAsync();
        await WorkloadClusterTests.WaitForAsync(h.Client, "web", w => w.Instances.Single().NodeName == other && w.Instances.Single().State == InstanceState.Running);
        await Eventually.WaitAsync(() => AllocatedAsync(h, first), cpu => cpu == 0, Timeout, "the lost reservation released");
        Assert.DoesNotContain(await h.Cluster.Grains.GetGrain<INodeInstancesGrain>(first).ListAsync(), a => a.InstanceId == lost.InstanceId);
        Assert.Equal(100, await AllocatedAsync(h, other));
        Assert.Contains(h.Logs.Entries, e => e.Level == LogLevel.Information && e.Category == typeof(NodeReservationAuditGrain).FullName
            && e.Message.Contains($"node {first}") && e.Message.Contains("workload default/web") && e.Message.Contains($"instance {lost.InstanceId}"));
    }

    [Fact]
    public async Task FinishedEntriesCompactionDroppedAreReleasedAfterTheWorkloadIsDeleted()
    {
        await using var h = await Harness.StartAsync(silos: 1);
        var node = h.NodeNames[0];

        // Seven spec versions of a job that succeeds at once: seven finished instances in one slot, the two oldest
        // dropped by compaction (five are kept) while their entries stay on the node for their logs.
        var ids = new List<string>();
        for (var version = 0; version < 7; version++)
        {
            var spec = Job("batch", ["/bin/sh", "-c", "exit 0"]) with { Env = new Dictionary<string, string> { ["VERSION"] = $"{version}" } };
            await h.Client.Workloads.ApplyAsync(spec, Ct);
            var done = await WorkloadClusterTests.WaitForAsync(h.Client, "batch",
                w => w.Instances.Any(i => i.SpecVersion == version + 1 && i.State == InstanceState.Succeeded && i.NodeReleased));
            ids.Add(done.Instances.Single(i => i.SpecVersion == version + 1).InstanceId);
        }

        var dropped = ids.Take(2).Order(StringComparer.Ordinal).ToList();
        Assert.DoesNotContain((await h.Client.Workloads.GetAsync("batch", Ct))!.Instances, i => dropped.Contains(i.InstanceId));
        Assert.True(await h.Client.Workloads.DeleteAsync("batch", Ct));
        Assert.Null(await h.Client.Workloads.GetAsync("batch", Ct));
        Assert.Equal(dropped, (await EntriesAsync(h, node)).Intersect(ids).Order(StringComparer.Ordinal));

        var report = await h.AuditAsync(node);

        Assert.Equal(dropped, report.Released.Order(StringComparer.Ordinal));
        Assert.Empty((await EntriesAsync(h, node)).Intersect(ids));
        Assert.False(await h.Cluster.Grains.GetGrain<INodeGrain>(node).ReleaseOrphanedReservationAsync(dropped[0], "default/batch", null)); // gone: no second release

        // Each release is recorded in the ledger by the node: one NodeReservationReleased receipt per instance.
        await Eventually.WaitAsync(
            async () => (await h.Client.Ledger.GetHistoryAsync(ReceiptSubjects.Node(node), Ct)).Count(r => r.Receipt.Kind == ReceiptKind.NodeReservationReleased),
            n => n == dropped.Count, Timeout, "the releases' receipts in the ledger");
    }

    [Fact]
    public async Task AnOwnedReservationAndOneYoungerThanTheGracePeriodOrMadeAgainAreNeverReleased()
    {
        await using var h = await Harness.StartAsync(silos: 1);
        var node = h.Cluster.Grains.GetGrain<INodeGrain>(h.NodeNames[0]);
        await h.Client.Workloads.SubmitAsync(Job("web", ["/bin/sleep", "3600"]), Ct);
        var web = Assert.Single((await WorkloadClusterTests.WaitForAsync(h.Client, "web", w => w.Instances.Any(i => i.State == InstanceState.Running))).Instances);
        await Task.Delay(Grace, Ct);

        // A placement in progress: reserved on the node, not (yet) recorded by its workload.
        Assert.True(await node.TryReserveAsync("default/ghost", "default-ghost-inflight", Small, []));
        var report = await h.AuditAsync(h.NodeNames[0]);

        Assert.Equal([web.InstanceId], report.Asked);
        Assert.Empty(report.Released);
        Assert.Equal(["default-ghost-inflight", web.InstanceId], (await node.GetAsync())!.Workloads.Order(StringComparer.Ordinal));

        // A reservation made again after the audit read it is a new reservation: the old read does not release it.
        var read = (await h.Client.Nodes.ReservationsAsync(h.NodeNames[0], Ct))!.Single(r => r.InstanceId == "default-ghost-inflight");
        Assert.Equal(("default/ghost", Small), (read.WorkloadId, read.Resources));
        Assert.True(await node.TryReserveAsync("default/ghost", "default-ghost-inflight", Small, []));
        Assert.False(await node.ReleaseOrphanedReservationAsync("default-ghost-inflight", "default/ghost", read));
        Assert.Contains("default-ghost-inflight", (await node.GetAsync())!.Workloads);

        // Once older than the grace period, what its workload does not hold is released; the owned one stays.
        await Task.Delay(Grace, Ct);
        report = await h.AuditAsync(h.NodeNames[0]);
        Assert.Equal(["default-ghost-inflight"], report.Released);
        Assert.Equal([web.InstanceId], (await node.GetAsync())!.Workloads);
        Assert.Equal(InstanceState.Running, Assert.Single((await h.Client.Workloads.GetAsync("web", Ct))!.Instances).State);
    }

    [Fact]
    public async Task AReservationWhoseWorkloadCannotBeAskedStaysUntilItCanWithFailingStorage()
    {
        await using var h = await Harness.StartAsync(silos: 1);
        var nodeName = h.NodeNames[0];
        var node = h.Cluster.Grains.GetGrain<INodeGrain>(nodeName);
        h.Failures.ArmReads(WorkloadState, "default/ghost");
        Assert.True(await node.TryReserveAsync("default/ghost", "default-ghost-1", Small, []));
        await Task.Delay(Grace, Ct);

        var report = await h.AuditAsync(nodeName);

        Assert.Equal(["default-ghost-1"], report.Unreachable);
        Assert.Empty(report.Released);
        Assert.Contains("default-ghost-1", (await node.GetAsync())!.Workloads);
        Assert.Null(await h.Client.Nodes.AuditReservationsAsync("no-such-node", Ct));
        Assert.Contains(h.Logs.Entries, e => e.Level == LogLevel.Warning && e.Category == typeof(NodeReservationAuditGrain).FullName
            && e.Message.Contains($"node {nodeName}") && e.Message.Contains("workload default/ghost") && e.Message.Contains("instance default-ghost-1"));

        // The workload answers again: the next audit asks again and releases what it does not hold.
        h.Failures.DisarmReads(WorkloadState, "default/ghost");
        report = await h.AuditAsync(nodeName);
        Assert.Equal(["default-ghost-1"], report.Released);
        Assert.DoesNotContain("default-ghost-1", (await node.GetAsync())!.Workloads);
    }

    private static async Task<long> AllocatedAsync(Harness h, string nodeName) =>
        (await h.Client.Nodes.GetAsync(nodeName, Ct))!.Resources.Allocated.CpuMillicores;

    private static async Task<IReadOnlyList<string>> EntriesAsync(Harness h, string nodeName) =>
        [.. (await h.Cluster.Grains.GetGrain<INodeInstancesGrain>(nodeName).ListAsync()).Select(a => a.InstanceId).Order(StringComparer.Ordinal)];

    private static WorkloadSpec Job(string name, List<string> command) => new()
    {
        Name = name,
        Driver = WorkloadDriver.Process,
        Command = command,
        Resources = new WorkloadResources { CpuMillicores = 100, MemoryBytes = 16L << 20 },
        RestartPolicy = WorkloadRestartPolicy.Default with { Mode = RestartMode.Never },
        StopGracePeriod = TimeSpan.FromSeconds(1),
    };

    /// <summary>
    /// A cluster on a fresh PostgreSQL database whose grain storage fails on demand, with a short audit grace period
    /// and, unless given, an audit interval long enough that only the test's own audits run.
    /// </summary>
    private sealed record Harness(PostgresDatabase Db, DevTestCluster Cluster, EncClient Client, StorageFailures Failures, CapturedLogs Logs, IReadOnlyList<string> NodeNames)
        : IAsyncDisposable
    {
        public static async Task<Harness> StartAsync(int silos, TimeSpan? auditInterval = null)
        {
            var failures = new StorageFailures();
            var logs = new CapturedLogs(LogLevel.Information);
            var db = await PostgresDatabase.CreateAsync("audit");
            await SchemaMigrator.Default.MigrateAsync(db.ConnectionString, Ct);
            var cluster = await WorkloadClusterTests.StartAsync(silos, db.ConnectionString, silo =>
            {
                FailingGrainStorage.Install(silo, EncProviderNames.GrainStorage, failures);
                silo.Services.AddLogging(l => logs.AddTo(l, "silo"));
                silo.Services.Configure<EncWorkloadOptions>(o => o.PendingRetryInterval = TimeSpan.FromHours(1));
                silo.Services.Configure<EncNodeOptions>(o =>
                {
                    o.ReservationAuditInterval = auditInterval ?? TimeSpan.FromHours(1);
                    o.ReservationAuditInitialDelay = auditInterval ?? TimeSpan.FromHours(1);
                    o.ReservationAuditGracePeriod = Grace;
                });
            });
            var client = await cluster.ConnectClientAsync();
            var nodes = cluster.Cluster.Silos.Select(s => cluster.Agent(s).NodeName).ToList();
            return new Harness(db, cluster, client, failures, logs, nodes);
        }

        /// <summary>Runs one audit of the node through the client, as an operator would.</summary>
        public async Task<NodeReservationAuditReport> AuditAsync(string nodeName) =>
            (await Client.Nodes.AuditReservationsAsync(nodeName, Ct))!;

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Cluster.DisposeAsync();
            await Db.DisposeAsync();
        }
    }
}
