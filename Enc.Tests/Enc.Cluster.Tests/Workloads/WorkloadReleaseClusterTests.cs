using System.Text.Json;
using Enc.Client;
using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Interfaces.Hosting;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads;
using Enc.Grains.Workloads.Options;
using Microsoft.Extensions.DependencyInjection;
using Enc.Silo.Database;

namespace Enc.Cluster.Tests.Workloads;

/// <summary>
/// Giving node reservations back when the node's storage fails: a release whose write failed stays pending
/// (the reservation held, the fact not recorded, a durable retry reminder registered), is really written by the
/// retry, a deleted workload is forgotten only once every reservation is back, a failed workload write leaves
/// memory claiming nothing storage lacks and the retry timer finishing the job without another call, and the
/// node grain keeps no reservation change whose write failed. Real agent, real process
/// driver, real ADO.NET storage on PostgreSQL, wrapped so that writes of one grain state fail on demand.
/// </summary>
public sealed class WorkloadReleaseClusterTests
{
    private const string NodeInstancesState = "node-instances";
    private const string NodeState = "node";
    private const string WorkloadState = "workload";
    private const string RegistryState = "workloads";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // Short enough that a test sees the retry timer work without any call; long enough not to crowd the silo.
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFinishedInstancesReleaseWhoseWriteFailedIsWrittenByTheRetryWithFailingStorage()
    {
        await using var harness = await Harness.StartAsync();
        var (db, cluster, client, failures, nodeName) = harness;
        var gate = Path.Combine(cluster.DataDirectory, $"finish-{Guid.NewGuid():N}");
        await client.Workloads.SubmitAsync(Job("job", ["/bin/sh", "-c", $"while [ ! -e '{gate}' ]; do sleep 0.2; done; exit 3"]), Ct);
        await WorkloadClusterTests.WaitForAsync(client, "job", w => w.Instances.Any(i => i.State == InstanceState.Running));
        var grain = cluster.Grains.GetGrain<IWorkloadGrain>("default/job");
        var versionBefore = await NodeInstancesVersionAsync(db, nodeName);

        // The node's instance list cannot be written: the instance fails, its release fails with it.
        failures.Arm(NodeInstancesState, nodeName);
        await File.WriteAllTextAsync(gate, "", Ct);
        await WorkloadClusterTests.WaitForAsync(client, "job", w => w.Instances.Any(i => i.State == InstanceState.Failed));

        // A retry while the storage still fails must fail again, not find the change made in memory only.
        // (RetryPending is one-way: wait for its write attempt; a read queues behind the retry's turn.)
        await grain.RetryPendingAsync();
        await Eventually.WaitAsync(() => Task.FromResult(failures.Failed), n => n >= 2, Timeout, "the retry's write attempt");
        Assert.False(Assert.Single((await grain.GetAsync())!.Instances).NodeReleased);
        Assert.Equal(200, (await client.Nodes.GetAsync(nodeName, Ct))!.Resources.Allocated.CpuMillicores);
        Assert.Equal(1L, await ReleaseRemindersAsync(db));
        Assert.Equal(versionBefore, await NodeInstancesVersionAsync(db, nodeName));

        // The storage answers again: the retry writes the fact on the node and gives the reservation back.
        failures.Disarm(NodeInstancesState, nodeName);
        await grain.RetryPendingAsync();
        await Eventually.WaitAsync(async () => Assert.Single((await grain.GetAsync())!.Instances), i => i.NodeReleased, Timeout, "release recorded");
        Assert.Equal(0, (await client.Nodes.GetAsync(nodeName, Ct))!.Resources.Allocated.CpuMillicores);
        Assert.Equal(versionBefore + 1, await NodeInstancesVersionAsync(db, nodeName));
        Assert.Equal(0L, await ReleaseRemindersAsync(db));

        // A new activation of the node's instance list reads the fact back from PostgreSQL.
        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, Ct);
        Assert.True(Assert.Single(await cluster.Grains.GetGrain<INodeInstancesGrain>(nodeName).ListAsync()).Finished);
        Assert.True(await client.Workloads.DeleteAsync("job", Ct));
    }

    [Fact]
    public async Task ADeleteWhoseFinalWriteFailedKeepsTheWorkloadUntilTheRetryFinishesItWithFailingStorage()
    {
        await using var harness = await Harness.StartAsync(RetryInterval);
        var (db, cluster, client, failures, _) = harness;
        await harness.RunWebAsync();
        var grain = cluster.Grains.GetGrain<IWorkloadGrain>("default/web");

        // The delete's first write (stopped, deleting) and the one recording the release succeed, the node gives the
        // reservation back, and the final write that forgets the workload fails: the workload must stay, deleting,
        // in memory as in storage, with its retry reminder.
        await QuietAsync(grain);
        failures.ArmAfter(WorkloadState, "default/web", successes: 2);
        await Assert.ThrowsAnyAsync<Exception>(() => client.Workloads.DeleteAsync("web", Ct));
        var deleting = (await grain.GetAsync())!;
        Assert.True(deleting.Deleting);
        Assert.True(Assert.Single(deleting.Instances).NodeReleased);
        Assert.Contains(await client.Workloads.ListAsync(null, Ct), w => w.Id == "default/web");
        Assert.Equal(1L, await ReleaseRemindersAsync(db));

        // Once storage answers, the retry timer finishes it without any further call.
        failures.Disarm(WorkloadState, "default/web");
        await Eventually.WaitAsync(() => client.Workloads.GetAsync("web", Ct), w => w is null, Timeout, "workload forgotten");
        Assert.Empty(await client.Workloads.ListAsync(null, Ct));
        await Eventually.WaitAsync(() => ReleaseRemindersAsync(db), n => n == 0, Timeout, "release reminder removed");
    }

    [Fact]
    public async Task ADeletedWorkloadsNameIsRemovedFromTheRegistryByTheRetryWithFailingStorage()
    {
        await using var harness = await Harness.StartAsync(RetryInterval);
        var (db, cluster, client, failures, _) = harness;
        await harness.RunWebAsync();
        var registry = cluster.Grains.GetGrain<IWorkloadRegistryGrain>(IWorkloadRegistryGrain.DefaultKey);
        var registryKey = registry.GetGrainId().Key.ToString()!;

        // The workload is released and forgotten, but the registry cannot store the name's removal: the delete
        // fails, the name stays listed (in the registry's memory as in its storage), and the reminder stays.
        failures.Arm(RegistryState, registryKey);
        await Assert.ThrowsAnyAsync<Exception>(() => client.Workloads.DeleteAsync("web", Ct));
        Assert.Null(await client.Workloads.GetAsync("web", Ct));
        Assert.Contains("default/web", await registry.ListAsync(null));
        Assert.Equal(1L, await ReleaseRemindersAsync(db));

        // Storage answers: with no further call, the retry removes the name (stored: a new activation agrees).
        failures.Disarm(RegistryState, registryKey);
        await Eventually.WaitAsync(() => registry.ListAsync(null), ids => ids.Count == 0, Timeout, "name removed from the registry");
        await Eventually.WaitAsync(() => ReleaseRemindersAsync(db), n => n == 0, Timeout, "release reminder removed");
        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, Ct);
        Assert.Empty(await registry.ListAsync(null));
        Assert.Null(await client.Workloads.GetAsync("web", Ct));
    }

    [Fact]
    public async Task AReleaseWhoseWorkloadWriteFailedIsNotClaimedAndIsFinishedByTheRetryWithFailingStorage()
    {
        await using var harness = await Harness.StartAsync(RetryInterval);
        var (db, cluster, client, failures, nodeName) = harness;
        await harness.RunWebAsync();
        var grain = cluster.Grains.GetGrain<IWorkloadGrain>("default/web");

        // The delete's first write (stopped, deleting) succeeds and the node gives the reservation back, but the
        // workload's write recording that fails: the call fails, memory does not claim the release storage lacks,
        // and the durable retry is set up all the same.
        await QuietAsync(grain);
        failures.ArmAfter(WorkloadState, "default/web", successes: 1);
        await Assert.ThrowsAnyAsync<Exception>(() => client.Workloads.DeleteAsync("web", Ct));
        var deleting = (await grain.GetAsync())!;
        Assert.True(deleting.Deleting);
        Assert.True(deleting.Stopped);
        var stopped = Assert.Single(deleting.Instances);
        Assert.Equal(InstanceState.Stopped, stopped.State);
        Assert.False(stopped.NodeReleased);
        Assert.Equal(0, (await client.Nodes.GetAsync(nodeName, Ct))!.Resources.Allocated.CpuMillicores);
        Assert.Equal(1L, await ReleaseRemindersAsync(db));
        Assert.Contains(await client.Workloads.ListAsync(null, Ct), w => w.Id == "default/web");

        // Storage recovers: with no further call, the retry releases again (idempotent), records it and forgets the workload.
        failures.Disarm(WorkloadState, "default/web");
        await Eventually.WaitAsync(() => client.Workloads.GetAsync("web", Ct), w => w is null, Timeout, "workload forgotten");
        Assert.Empty(await client.Workloads.ListAsync(null, Ct));
        Assert.DoesNotContain(await cluster.Grains.GetGrain<INodeInstancesGrain>(nodeName).ListAsync(), a => a.InstanceId == stopped.InstanceId);
        await Eventually.WaitAsync(() => ReleaseRemindersAsync(db), n => n == 0, Timeout, "release reminder removed");
    }

    [Fact]
    public async Task AStopWhoseFirstWriteFailedChangesNothingWithFailingStorage()
    {
        await using var harness = await Harness.StartAsync(RetryInterval);
        var (db, cluster, client, failures, nodeName) = harness;
        var running = Assert.Single((await harness.RunWebAsync()).Instances);
        var grain = cluster.Grains.GetGrain<IWorkloadGrain>("default/web");
        var events = (await grain.GetEventsAsync()).Count;

        // The stop's intent cannot be written: no node is called and memory goes back to what storage holds
        // (running, not stopped, no new event and so no receipt).
        failures.Arm(WorkloadState, "default/web");
        await Assert.ThrowsAnyAsync<Exception>(() => client.Workloads.StopAsync("web", Ct));
        var after = (await grain.GetAsync())!;
        Assert.False(after.Stopped);
        var instance = Assert.Single(after.Instances);
        Assert.Equal((running.InstanceId, InstanceState.Running, false), (instance.InstanceId, instance.State, instance.NodeReleased));
        Assert.Equal(events, (await grain.GetEventsAsync()).Count);
        Assert.Equal(200, (await client.Nodes.GetAsync(nodeName, Ct))!.Resources.Allocated.CpuMillicores);
        Assert.Equal(0L, await ReleaseRemindersAsync(db));

        // Storage recovers: the stop asked again goes through.
        failures.Disarm(WorkloadState, "default/web");
        Assert.True(await client.Workloads.StopAsync("web", Ct));
        Assert.True(Assert.Single((await grain.GetAsync())!.Instances).NodeReleased);
        Assert.Equal(0, (await client.Nodes.GetAsync(nodeName, Ct))!.Resources.Allocated.CpuMillicores);
        Assert.True(await client.Workloads.DeleteAsync("web", Ct));
    }

    [Fact]
    public async Task AStopOfAnUnplacedWorkloadWhoseWriteFailedChangesNothingWithFailingStorage()
    {
        await using var harness = await Harness.StartAsync(RetryInterval);
        var (_, cluster, client, failures, _) = harness;
        await client.Workloads.SubmitAsync(Job("big", ["/bin/sleep", "3600"]) with { Resources = new WorkloadResources { CpuMillicores = 1_000_000, MemoryBytes = 32L << 20 } }, Ct);
        await WorkloadClusterTests.WaitForAsync(client, "big", w => w.Instances.Any(i => i.State == InstanceState.Pending && i.Reason is not null));
        var grain = cluster.Grains.GetGrain<IWorkloadGrain>("default/big");
        var events = (await grain.GetEventsAsync()).Count;

        // Nothing to release, yet the stop's write fails: the call fails and memory goes back to what storage
        // holds (not stopped, no new event and so no receipt), instead of a stop that a later write would store.
        failures.Arm(WorkloadState, "default/big");
        await Assert.ThrowsAnyAsync<Exception>(() => client.Workloads.StopAsync("big", Ct));
        var after = (await grain.GetAsync())!;
        Assert.False(after.Stopped);
        Assert.Equal(InstanceState.Pending, Assert.Single(after.Instances).State);
        Assert.Equal(events, (await grain.GetEventsAsync()).Count);

        // Storage answers again and the retry timer runs (it places nothing): a new activation reads no stop.
        failures.Disarm(WorkloadState, "default/big");
        await grain.RetryPendingAsync();
        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, Ct);
        Assert.False((await grain.GetAsync())!.Stopped);
        Assert.Equal(events, (await grain.GetEventsAsync()).Count);
        Assert.True(await client.Workloads.StopAsync("big", Ct));
        Assert.True((await grain.GetAsync())!.Stopped);
    }

    [Fact]
    public async Task ANewWorkloadWhoseFirstWriteFailedIsNotPlacedWithFailingStorage()
    {
        await using var harness = await Harness.StartAsync(RetryInterval);
        var (_, cluster, client, failures, nodeName) = harness;
        await Eventually.WaitAsync(() => client.Nodes.GetAsync(nodeName, Ct), n => n?.Status == NodeStatus.Ready, Timeout, "node Ready");
        var grain = cluster.Grains.GetGrain<IWorkloadGrain>("default/web");

        // The workload cannot be stored: no node reserves or runs anything for it, and it does not exist.
        failures.Arm(WorkloadState, "default/web");
        await Assert.ThrowsAnyAsync<Exception>(() => client.Workloads.SubmitAsync(Job("web", ["/bin/sleep", "3600"]), Ct));
        Assert.Null(await grain.GetAsync());
        Assert.Equal(0, (await client.Nodes.GetAsync(nodeName, Ct))!.Resources.Allocated.CpuMillicores);
        Assert.Empty(await cluster.Grains.GetGrain<INodeInstancesGrain>(nodeName).ListAsync());

        // Storage answers: submitting again places and runs it.
        failures.Disarm(WorkloadState, "default/web");
        await harness.RunWebAsync();
        Assert.Equal(200, (await client.Nodes.GetAsync(nodeName, Ct))!.Resources.Allocated.CpuMillicores);
        Assert.True(await client.Workloads.DeleteAsync("web", Ct));
    }

    [Fact]
    public async Task ADeletedWorkloadIsForgottenOnlyOnceItsNodeGaveTheReservationBackWithFailingStorage()
    {
        await using var harness = await Harness.StartAsync();
        var (db, cluster, client, failures, nodeName) = harness;
        var spec = Job("web", ["/bin/sleep", "3600"]);
        await client.Workloads.SubmitAsync(spec, Ct);
        var instance = Assert.Single((await WorkloadClusterTests.WaitForAsync(client, "web", w => w.Instances.Any(i => i.State == InstanceState.Running))).Instances);
        var grain = cluster.Grains.GetGrain<IWorkloadGrain>("default/web");

        // Delete is accepted, but the node cannot take the instance off: the workload stays, stopped, holding the reservation.
        failures.Arm(NodeInstancesState, nodeName);
        Assert.True(await client.Workloads.DeleteAsync("web", Ct));
        var lingering = (await grain.GetAsync())!;
        Assert.True(lingering.Stopped);
        Assert.True(lingering.Deleting);
        var stopped = Assert.Single(lingering.Instances);
        Assert.Equal(InstanceState.Stopped, stopped.State);
        Assert.False(stopped.NodeReleased);
        Assert.Contains(await client.Workloads.ListAsync(null, Ct), w => w.Id == "default/web");
        Assert.Equal(200, (await client.Nodes.GetAsync(nodeName, Ct))!.Resources.Allocated.CpuMillicores);
        Assert.Contains(await cluster.Grains.GetGrain<INodeInstancesGrain>(nodeName).ListAsync(), a => a.InstanceId == instance.InstanceId);
        Assert.Equal(1L, await ReleaseRemindersAsync(db));

        // Meanwhile the name cannot be reused, and a second delete adds no event (so no receipt).
        var events = (await grain.GetEventsAsync()).Count;
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => client.Workloads.ApplyAsync(spec, Ct));
        Assert.Contains("being deleted", refused.Message, StringComparison.Ordinal);
        Assert.True(await client.Workloads.DeleteAsync("web", Ct));
        Assert.Equal(events, (await grain.GetEventsAsync()).Count);

        // Once the storage answers, the retry releases the instance and completes the deletion.
        failures.Disarm(NodeInstancesState, nodeName);
        await grain.RetryPendingAsync();
        await Eventually.WaitAsync(() => client.Workloads.GetAsync("web", Ct), w => w is null, Timeout, "workload forgotten");
        Assert.Empty(await client.Workloads.ListAsync(null, Ct));
        Assert.Equal(0, (await client.Nodes.GetAsync(nodeName, Ct))!.Resources.Allocated.CpuMillicores);
        Assert.DoesNotContain(await cluster.Grains.GetGrain<INodeInstancesGrain>(nodeName).ListAsync(), a => a.InstanceId == instance.InstanceId);
        Assert.Equal(0L, await ReleaseRemindersAsync(db));
    }

    [Fact]
    public async Task ANodeReservationChangeWhoseWriteFailedIsNotKeptInMemoryWithFailingStorage()
    {
        await using var harness = await Harness.StartAsync();
        var (_, cluster, client, failures, nodeName) = harness;
        await Eventually.WaitAsync(() => client.Nodes.GetAsync(nodeName, Ct), n => n?.Status == NodeStatus.Ready, Timeout, "node Ready");
        var node = cluster.Grains.GetGrain<INodeGrain>(nodeName);
        var request = new ResourceQuantities { CpuMillicores = 100, MemoryBytes = 16L << 20, DiskBytes = 0, NetworkBitsPerSecond = 0 };

        // A reservation whose write failed was not made (its caller was told so): no later write, such as the
        // next heartbeat's, may store it.
        failures.Arm(NodeState, nodeName);
        await Assert.ThrowsAnyAsync<Exception>(() => node.TryAssignWorkloadAsync("phantom", request));
        Assert.DoesNotContain("phantom", (await node.GetAsync())!.Workloads);
        failures.Disarm(NodeState, nodeName);
        Assert.True(await node.TryAssignWorkloadAsync("held", request));

        // A release whose write failed is not done: the reservation stays until a retry really writes its removal.
        failures.Arm(NodeState, nodeName);
        await Assert.ThrowsAnyAsync<Exception>(() => node.UnassignWorkloadAsync("held"));
        Assert.Contains("held", (await node.GetAsync())!.Workloads);
        failures.Disarm(NodeState, nodeName);
        var failedBefore = failures.Failed;
        await node.UnassignWorkloadAsync("held");
        Assert.DoesNotContain("held", (await node.GetAsync())!.Workloads);
        Assert.Equal(failedBefore, failures.Failed);
    }

    // Waits until the agent's reports stop changing the workload: each change is a write, which would use up the
    // writes a test lets through (ArmAfter) before the operation under test makes them.
    private static async Task QuietAsync(IWorkloadGrain grain)
    {
        var last = JsonSerializer.Serialize(await grain.GetAsync());
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5), Ct); // more than the agent's 2 s reconcile interval over two polls
            var now = JsonSerializer.Serialize(await grain.GetAsync());
            if (now == last && attempt > 0)
            {
                return;
            }

            last = now;
        }

        throw new TimeoutException("the workload kept changing");
    }

    /// <summary>A one-silo cluster on a fresh PostgreSQL database whose grain storage fails writes on demand.</summary>
    private sealed record Harness(PostgresDatabase Db, DevTestCluster Cluster, EncClient Client, StorageFailures Failures, string NodeName) : IAsyncDisposable
    {
        public static async Task<Harness> StartAsync(TimeSpan? retryInterval = null)
        {
            var failures = new StorageFailures();
            var db = await PostgresDatabase.CreateAsync("release");
            await SchemaMigrator.Default.MigrateAsync(db.ConnectionString, Ct);
            var cluster = await WorkloadClusterTests.StartAsync(silos: 1, db.ConnectionString, silo =>
            {
                FailingGrainStorage.Install(silo, EncProviderNames.GrainStorage, failures);
                if (retryInterval is { } interval)
                {
                    silo.Services.Configure<EncWorkloadOptions>(o => o.PendingRetryInterval = interval);
                }
            });
            var client = await cluster.ConnectClientAsync();
            return new Harness(db, cluster, client, failures, cluster.Agent(cluster.Cluster.Silos[0]).NodeName);
        }

        /// <summary>Submits the long-running job "web" and waits until an instance of it runs.</summary>
        public async Task<WorkloadSnapshot> RunWebAsync()
        {
            await Client.Workloads.SubmitAsync(Job("web", ["/bin/sleep", "3600"]), Ct);
            return await WorkloadClusterTests.WaitForAsync(Client, "web", w => w.Instances.Any(i => i.State == InstanceState.Running));
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Cluster.DisposeAsync();
            await Db.DisposeAsync();
        }
    }

    private static WorkloadSpec Job(string name, List<string> command) => new()
    {
        Name = name,
        Driver = WorkloadDriver.Process,
        Command = command,
        Resources = new WorkloadResources { CpuMillicores = 200, MemoryBytes = 32L << 20 },
        RestartPolicy = WorkloadRestartPolicy.Default with { Mode = RestartMode.Never },
        StopGracePeriod = TimeSpan.FromSeconds(1),
    };

    private static Task<int> NodeInstancesVersionAsync(PostgresDatabase db, string nodeName) =>
        db.ScalarAsync<int>($"SELECT version FROM orleans_storage WHERE grain_id_ext = '{nodeName}' AND grain_type = '{NodeInstancesState}'");

    private static Task<long> ReleaseRemindersAsync(PostgresDatabase db) =>
        db.ScalarAsync<long>($"SELECT count(*) FROM orleans_reminders WHERE reminder_name = '{WorkloadGrain.ReleaseRetryReminder}'");
}
