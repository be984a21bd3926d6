using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Interfaces.Workloads;
using Enc.Silo.Database;

namespace Enc.Cluster.Tests.Workloads;

/// <summary>
/// What an agent's report costs in storage, on a cluster whose grain state lives in PostgreSQL: the workload
/// grain's row version (incremented by every write) does not move for a report that changes nothing, and
/// does for one that does. Real agent, real process driver, real ADO.NET storage.
/// </summary>
public sealed class WorkloadReportPersistenceClusterTests
{
    private const string WorkloadId = "default/job";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUnchangedReportWritesNoStateAndARealChangeDoes()
    {
        await using var db = await PostgresDatabase.CreateAsync("wlwrite");
        await SchemaMigrator.Default.MigrateAsync(db.ConnectionString, Ct);
        await using var cluster = await WorkloadClusterTests.StartAsync(silos: 1, db.ConnectionString);
        await using var client = await cluster.ConnectClientAsync();
        var nodeName = cluster.Agent(cluster.Cluster.Silos[0]).NodeName;
        var gate = Path.Combine(cluster.DataDirectory, $"finish-{Guid.NewGuid():N}");
        await client.Workloads.SubmitAsync(new WorkloadSpec
        {
            Name = "job",
            Driver = WorkloadDriver.Process,
            Command = ["/bin/sh", "-c", $"while [ ! -e '{gate}' ]; do sleep 0.2; done; exit 3"],
            Resources = new WorkloadResources { CpuMillicores = 200, MemoryBytes = 32L << 20 },
            RestartPolicy = WorkloadRestartPolicy.Default with { Mode = RestartMode.Never },
        }, Ct);
        var running = Assert.Single((await WorkloadClusterTests.WaitForAsync(client, "job", w => w.Instances.Any(i => i.State == InstanceState.Running))).Instances);
        var grain = cluster.Grains.GetGrain<IWorkloadGrain>(WorkloadId);

        // Receipt confirmations from the ledger also write the row (asynchronously), so look for a quiet
        // stretch: three identical reports in a row that leave the version where it was. Writing on every
        // report, no stretch is ever quiet.
        await AssertUnchangedReportsWriteNothingAsync(db, grain, nodeName);

        // A real change (the agent saw something new) is written. Reports are one-way calls: wait until the
        // grain shows it (a read never runs while a report is being applied, write included).
        var beforeChange = await VersionAsync(db);
        await grain.ReportAsync(nodeName, [ReportOf(running) with { RestartCount = running.RestartCount + 1 }]);
        await Eventually.WaitAsync(async () => Assert.Single((await grain.GetAsync())!.Instances).RestartCount, n => n == running.RestartCount + 1, Timeout, "restart count reported");
        Assert.True(await VersionAsync(db) > beforeChange, "a changed report must be written");

        // The process exits: Failed, written, and the node's reservation given back (recorded on the instance).
        var beforeExit = await VersionAsync(db);
        await File.WriteAllTextAsync(gate, "", Ct);
        var failed = Assert.Single((await WorkloadClusterTests.WaitForAsync(client, "job", w => w.Instances.Any(i => i.State == InstanceState.Failed && i.NodeReleased))).Instances);
        Assert.Equal(3, failed.ExitCode);
        Assert.True(await VersionAsync(db) > beforeExit);
        Assert.Equal(0, (await client.Nodes.GetAsync(nodeName, Ct))!.Resources.Allocated.CpuMillicores);

        // A new activation reads the release fact back from storage: the finished instance's reports
        // (the agent keeps sending them until the workload is removed) write nothing either.
        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, Ct);
        var reloaded = Assert.Single((await grain.GetAsync())!.Instances);
        Assert.True(reloaded.NodeReleased);
        Assert.Equal(InstanceState.Failed, reloaded.State);
        await AssertUnchangedReportsWriteNothingAsync(db, grain, nodeName);
        Assert.Equal(0, (await client.Nodes.GetAsync(nodeName, Ct))!.Resources.Allocated.CpuMillicores);
        Assert.True(await client.Workloads.DeleteAsync("job", Ct));
    }

    private static async Task AssertUnchangedReportsWriteNothingAsync(PostgresDatabase db, IWorkloadGrain grain, string nodeName) =>
        await Eventually.WaitAsync(async () =>
        {
            var before = await VersionAsync(db);
            var instance = Assert.Single((await grain.GetAsync())!.Instances);
            for (var i = 0; i < 3; i++)
            {
                await grain.ReportAsync(nodeName, [ReportOf(instance)]); // the agent's call shape (docs/orleans-wire.md)
            }

            // Reports are one-way: a request-response call queued behind them (non-reentrant grain) normally
            // returns once they were applied (evacuating no nodes changes nothing itself); Orleans does not
            // promise that order, so give a write a second to land before reading. A slower write only makes
            // this check stricter (it then shows in a later round), never lets it pass wrongly.
            await grain.EvacuateNodesAsync([]);
            await Task.Delay(TimeSpan.FromSeconds(1), Ct);
            return await VersionAsync(db) - before;
        }, writes => writes == 0, Timeout, "three identical reports without a state write");

    private static Task<int> VersionAsync(PostgresDatabase db) =>
        db.ScalarAsync<int>($"SELECT version FROM orleans_storage WHERE grain_id_ext = '{WorkloadId}' AND grain_type = 'workload'");

    private static InstanceStatusReport ReportOf(WorkloadInstance instance) => InstanceReports.Of(instance, DateTimeOffset.UtcNow);
}
