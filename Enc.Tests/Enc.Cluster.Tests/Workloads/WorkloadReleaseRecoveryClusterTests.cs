using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads;
using Enc.Grains.Workloads.Options;
using Enc.Grains.Workloads.Placement;
using Enc.Silo.Database;
using Microsoft.Extensions.DependencyInjection;

namespace Enc.Cluster.Tests.Workloads;

/// <summary>
/// A release that was stored pending is finished even when the activation that asked for it is gone (a silo
/// that died during the release, or a grain deactivated before its timer retried): the durable retry reminder
/// is registered before the node is asked, and a new activation that loads a pending release retries it at once,
/// without any retry call. Real agent, process driver and PostgreSQL storage and reminders; the node's silence
/// is faked (<see cref="SilentNodePlacementCluster"/>), as a real node cannot be made to hang on demand.
/// </summary>
public sealed class WorkloadReleaseRecoveryClusterTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AStoredPendingReleaseIsFinishedByTheNextActivationWithoutAnyRetryCallWithFakePlacementCluster()
    {
        await using var db = await PostgresDatabase.CreateAsync("recovery");
        await SchemaMigrator.Default.MigrateAsync(db.ConnectionString, Ct);
        await using var cluster = await WorkloadClusterTests.StartAsync(silos: 1, db.ConnectionString, silo =>
        {
            SilentNodePlacementCluster.Install(silo);
            silo.Services.Configure<EncWorkloadOptions>(o =>
            {
                // Long enough to look at storage while the release waits; no timer tick or reminder during the test.
                o.ReleaseTimeout = TimeSpan.FromSeconds(10);
                o.PendingRetryInterval = TimeSpan.FromHours(1);
                o.ReleaseRetryReminderPeriod = TimeSpan.FromHours(1);
            });
        });
        await using var client = await cluster.ConnectClientAsync();
        var silo = cluster.Cluster.Silos[0];
        var node = (SilentNodePlacementCluster)cluster.Service<IPlacementCluster>(silo);
        var nodeName = cluster.Agent(silo).NodeName;
        await client.Workloads.SubmitAsync(Job(), Ct);
        var running = Assert.Single((await WorkloadClusterTests.WaitForAsync(client, "web", w => w.Instances.Any(i => i.State == InstanceState.Running))).Instances);

        // While the stop waits for the silent node, the reminder that finishes the release is already stored: a
        // silo dying now would leave a pending release that the reminder wakes the workload to retry.
        node.Silence(nodeName);
        var stop = client.Workloads.StopAsync("web", Ct);
        await Eventually.WaitAsync(() => Task.FromResult(node.UnansweredFor(running.InstanceId)), n => n == 1, Timeout, "the stop's release asked");
        Assert.Equal(1L, await ReleaseRemindersAsync(db));
        Assert.True(await stop);
        var stopped = Assert.Single((await client.Workloads.GetAsync("web", Ct))!.Instances);
        Assert.Equal((InstanceState.Stopped, false), (stopped.State, stopped.NodeReleased));
        Assert.Equal(100, (await client.Nodes.GetAsync(nodeName, Ct))!.Resources.Allocated.CpuMillicores);

        // The activation goes away before any retry; the node answers again. Whatever activates the workload next
        // (here the reads below, or the agent's report) retries the stored release at once: no retry call.
        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, Ct);
        node.Answer();
        await WorkloadClusterTests.WaitForAsync(client, "web", w => w.Instances.Count == 1 && w.Instances[0].NodeReleased);
        Assert.Equal(0, (await client.Nodes.GetAsync(nodeName, Ct))!.Resources.Allocated.CpuMillicores);
        await Eventually.WaitAsync(() => ReleaseRemindersAsync(db), n => n == 0, Timeout, "release reminder removed");
    }

    private static WorkloadSpec Job() => new()
    {
        Name = "web",
        Driver = WorkloadDriver.Process,
        Command = ["/bin/sleep", "3600"],
        Resources = new WorkloadResources { CpuMillicores = 100, MemoryBytes = 16L << 20 },
        StopGracePeriod = TimeSpan.FromSeconds(1),
    };

    private static Task<long> ReleaseRemindersAsync(PostgresDatabase db) =>
        db.ScalarAsync<long>($"SELECT count(*) FROM orleans_reminders WHERE reminder_name = '{WorkloadGrain.ReleaseRetryReminder}'");
}
