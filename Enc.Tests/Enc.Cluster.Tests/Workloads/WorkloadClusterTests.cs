using Docker.DotNet;
using Enc.Silo.Database;
using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Nodes.Options;
using Enc.Grains.Workloads.Agent;
using Enc.Grains.Workloads.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Enc.Cluster.Tests.Workloads;

/// <summary>Workloads end to end on an in-process cluster with real agents, the real Docker engine and real processes.</summary>
public sealed class WorkloadClusterTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubmittedWorkloadRunsAsARealContainerWithLogsAndStops()
    {
        await using var cluster = await StartAsync(silos: 1);
        using var engine = new DockerClientConfiguration(new Uri(WorkloadTestEnvironment.DockerEndpoint)).CreateClient();
        var scope = ScopePrefix(cluster);
        try
        {
            await using var client = await cluster.ConnectClientAsync();
            var spec = WorkloadSpecLoader.ParseOrThrow($$"""
                name: hello
                image: {{WorkloadTestEnvironment.Image}}
                command: ["sh", "-c", "echo hello from $ENC_INSTANCE; sleep 3600"]
                resources: { cpu: 250m, memory: 64Mi }
                stopGracePeriod: 2s
                """);

            var submitted = await client.Workloads.SubmitAsync(spec, Ct);
            Assert.Equal("default/hello", submitted.Id);
            var running = await WaitForAsync(client, "hello", w => w.Instances.Any(i => i.State == InstanceState.Running));
            var instance = Assert.Single(running.Instances);
            Assert.Equal(cluster.Agent(cluster.Cluster.Silos[0]).NodeName, instance.NodeName);

            var container = Assert.Single(await WorkloadTestEnvironment.ContainersAsync(engine, scope));
            Assert.Equal(instance.InstanceId, container.Labels["enc.instance"]);
            Assert.Equal("running", container.State);
            var node = await client.Nodes.GetAsync(instance.NodeName!, Ct);
            Assert.Contains(instance.InstanceId, node!.Workloads);
            Assert.Equal(250, node.Resources.Allocated.CpuMillicores);

            var lines = await Eventually.WaitAsync(() => CollectAsync(client.Workloads.LogsAsync("hello", follow: false, Ct)), l => l.Count > 0, Timeout, "logs");
            Assert.Equal($"hello from {instance.InstanceId}", lines[0].Text);

            await Assert.ThrowsAsync<InvalidOperationException>(() => client.Workloads.SubmitAsync(spec, Ct));

            Assert.True(await client.Workloads.StopAsync("hello", Ct));
            await Eventually.WaitAsync(() => WorkloadTestEnvironment.ContainersAsync(engine, scope), c => c.Count == 0, Timeout, "container removed");
            var stopped = (await client.Workloads.GetAsync("hello", Ct))!;
            Assert.All(stopped.Instances, i => Assert.Equal(InstanceState.Stopped, i.State));
            Assert.Equal(0, (await client.Nodes.GetAsync(instance.NodeName!, Ct))!.Resources.Allocated.CpuMillicores);

            var kinds = (await client.Workloads.EventsAsync("hello", Ct)).Select(e => e.Kind).ToList();
            Assert.Equal(["Submitted", "Scheduled", "Running", "Stopped", "Stopped"], kinds.Where(k => k is "Submitted" or "Scheduled" or "Running" or "Stopped"));

            Assert.True(await client.Workloads.DeleteAsync("hello", Ct));
            Assert.Null(await client.Workloads.GetAsync("hello", Ct));
            Assert.Empty(await client.Workloads.ListAsync(null, Ct));
        }
        finally
        {
            await WorkloadTestEnvironment.RemoveAllAsync(engine, scope);
        }
    }

    [Fact]
    public async Task InvalidSpecIsRejectedWithFieldNamesAndNothingIsStored()
    {
        await using var cluster = await StartAsync(silos: 1);
        await using var client = await cluster.ConnectClientAsync();
        var bad = new WorkloadSpec
        {
            Name = "Bad_Name",
            Driver = WorkloadDriver.Docker,
            Image = "no image",
            Resources = new WorkloadResources { CpuMillicores = 0, CpuLimitMillicores = 5, MemoryBytes = 1024 },
        };

        var fromClient = await Assert.ThrowsAsync<WorkloadSpecException>(() => client.Workloads.SubmitAsync(bad, Ct));
        Assert.Equal(["name", "image", "resources.cpu", "resources.cpuLimit", "resources.memory"], fromClient.Errors.Select(e => e.Field));

        // The grain validates too (other callers may skip the client's check); the errors cross the wire intact.
        var fromGrain = await Assert.ThrowsAsync<WorkloadSpecException>(() => cluster.Grains.GetGrain<IWorkloadGrain>("default/Bad_Name").ApplyAsync(bad, true));
        Assert.Equal(fromClient.Errors, fromGrain.Errors);
        Assert.Empty(await client.Workloads.ListAsync(null, Ct));
        Assert.Null(await cluster.Grains.GetGrain<IWorkloadGrain>("default/Bad_Name").GetAsync());
    }

    [Fact]
    public async Task AFinishedInstanceGivesItsReservationBackSoAWaitingWorkloadRuns()
    {
        await using var cluster = await StartAsync(silos: 1);
        await using var client = await cluster.ConnectClientAsync();
        var nodeName = cluster.Agent(cluster.Cluster.Silos[0]).NodeName;
        var ready = await Eventually.WaitAsync(() => client.Nodes.GetAsync(nodeName, Ct), n => n?.Status == NodeStatus.Ready, Timeout, "node Ready");
        var resources = new WorkloadResources { CpuMillicores = ready!.Resources.Free.CpuMillicores * 3 / 4, MemoryBytes = 32L << 20 };

        await client.Workloads.SubmitAsync(new WorkloadSpec
        {
            Name = "job",
            Driver = WorkloadDriver.Process,
            Command = ["/bin/sh", "-c", "echo finished; sleep 2"],
            Resources = resources,
            RestartPolicy = WorkloadRestartPolicy.Default with { Mode = RestartMode.Never },
        }, Ct);
        var next = await client.Workloads.SubmitAsync(new WorkloadSpec
        {
            Name = "next",
            Driver = WorkloadDriver.Process,
            Command = ["/bin/sleep", "3600"],
            Resources = resources,
        }, Ct);
        Assert.Equal(InstanceState.Pending, Assert.Single(next.Instances).State); // the running job holds 3/4 of the node

        var done = await WaitForAsync(client, "job", w => w.Instances.Any(i => i.State == InstanceState.Succeeded));
        Assert.Equal(0, Assert.Single(done.Instances).ExitCode);
        var running = await WaitForAsync(client, "next", w => w.Instances.Any(i => i.State == InstanceState.Running));
        Assert.Equal(nodeName, Assert.Single(running.Instances).NodeName);
        var node = (await client.Nodes.GetAsync(nodeName, Ct))!;
        Assert.Equal(resources.CpuMillicores, node.Resources.Allocated.CpuMillicores);
        Assert.DoesNotContain(done.Instances[0].InstanceId, node.Workloads);

        var logs = await CollectAsync(client.Workloads.LogsAsync("job", follow: false, Ct));
        Assert.Contains(logs, l => l.Text == "finished"); // the finished instance's entry (and so its logs) stays on the node
        Assert.True(await client.Workloads.DeleteAsync("next", Ct));
        Assert.True(await client.Workloads.DeleteAsync("job", Ct));
        Assert.Equal(0, (await client.Nodes.GetAsync(nodeName, Ct))!.Resources.Allocated.CpuMillicores);
        Assert.Empty(await cluster.Grains.GetGrain<INodeInstancesGrain>(nodeName).ListAsync()); // deletion takes finished entries off too
    }

    [Fact]
    public async Task InstancesOfADownNodeRunAgainOnAnotherNode()
    {
        // Stopping a silo must not take cluster state with it: keep grain state in PostgreSQL, as a
        // multi-host cluster does.
        await using var db = await PostgresDatabase.CreateAsync("failover");
        await SchemaMigrator.Default.MigrateAsync(db.ConnectionString, Ct);
        await using var cluster = await StartAsync(silos: 2, db.ConnectionString);
        using var engine = new DockerClientConfiguration(new Uri(WorkloadTestEnvironment.DockerEndpoint)).CreateClient();
        var scope = ScopePrefix(cluster);
        try
        {
            await using var client = await cluster.ConnectClientAsync();
            var primary = cluster.Cluster.Silos[0];
            var secondary = cluster.Cluster.Silos[1];
            var primaryNode = cluster.Agent(primary).NodeName;
            var secondaryNode = cluster.Agent(secondary).NodeName;
            await Eventually.WaitAsync(() => client.Nodes.ListAsync(Ct), n => n.Count(x => x.Status == NodeStatus.Ready) == 2, Timeout, "two Ready nodes");

            // Best fit prefers the fuller node and ties go to the first name, so fill the primary to steer
            // the workload onto the secondary (the silo this test stops).
            var free = (await client.Nodes.GetAsync(primaryNode, Ct))!.Resources.Free;
            await client.Workloads.SubmitAsync(new WorkloadSpec
            {
                Name = "filler",
                Driver = WorkloadDriver.Process,
                Command = ["/bin/sleep", "3600"],
                Resources = new WorkloadResources { CpuMillicores = 100, MemoryBytes = free.MemoryBytes - (32L << 20) },
            }, Ct);
            await WaitForAsync(client, "filler", w => w.Instances.Any(i => i.State == InstanceState.Running && i.NodeName == primaryNode));

            await client.Workloads.SubmitAsync(WorkloadSpecLoader.ParseOrThrow($$"""
                name: svc
                image: {{WorkloadTestEnvironment.Image}}
                command: ["sleep", "3600"]
                resources: { cpu: 100m, memory: 64Mi }
                stopGracePeriod: 1s
                """), Ct);
            var first = Assert.Single((await WaitForAsync(client, "svc", w => w.Instances.Any(i => i.State == InstanceState.Running))).Instances);
            Assert.Equal(secondaryNode, first.NodeName);
            Assert.True(await client.Workloads.DeleteAsync("filler", Ct));

            await cluster.Cluster.StopSiloAsync(secondary, Ct);

            var moved = await WaitForAsync(client, "svc", w => w.Instances.Any(i => i.State == InstanceState.Running && i.NodeName == primaryNode), TimeSpan.FromSeconds(90));
            var old = moved.Instances.Single(i => i.InstanceId == first.InstanceId);
            Assert.Equal(InstanceState.Stopped, old.State);
            Assert.Contains("is down", old.Reason, StringComparison.Ordinal);
            Assert.Single(moved.Instances, i => i.State == InstanceState.Running);
            var containers = await WorkloadTestEnvironment.ContainersAsync(engine, scope);
            Assert.Contains(containers, c => c.Labels["enc.instance"] != first.InstanceId && c.State == "running");
            Assert.Contains((await client.Workloads.EventsAsync("svc", Ct)), e => e.Kind == "NodeLost");
        }
        finally
        {
            await WorkloadTestEnvironment.RemoveAllAsync(engine, scope);
        }
    }

    internal static Task<DevTestCluster> StartAsync(int silos, string? storageConnectionString = null, Action<ISiloBuilder>? configure = null) => DevTestCluster.StartAsync(silos, storageConnectionString: storageConnectionString, configure: silo =>
    {
        configure?.Invoke(silo);
        silo.Services.Configure<EncWorkloadOptions>(o =>
        {
            o.DockerEndpoint = WorkloadTestEnvironment.DockerEndpoint;
            o.FailoverInterval = TimeSpan.FromMilliseconds(500);
            o.OrphanGracePeriod = TimeSpan.FromSeconds(1);
        });
        silo.Services.Configure<EncNodeOptions>(o =>
        {
            o.DockerEndpoint = WorkloadTestEnvironment.DockerEndpoint;
            o.HeartbeatInterval = TimeSpan.FromMilliseconds(500);
            o.MonitorInterval = TimeSpan.FromMilliseconds(500);
            o.NotReadyAfter = TimeSpan.FromSeconds(3);
            o.DownAfter = TimeSpan.FromSeconds(6);
        });
    });

    private static string ScopePrefix(DevTestCluster cluster) =>
        cluster.Service<WorkloadAgent>(cluster.Cluster.Silos[0]).EngineScope[..^cluster.Agent(cluster.Cluster.Silos[0]).NodeName.Length];

    internal static Task<WorkloadSnapshot> WaitForAsync(Enc.Client.EncClient client, string name, Func<WorkloadSnapshot, bool> done, TimeSpan? timeout = null) =>
        Eventually.WaitAsync(async () => (await client.Workloads.GetAsync(name, Ct))!, done, timeout ?? Timeout,
            $"workload {name}");

    private static async Task<List<InstanceLogLine>> CollectAsync(IAsyncEnumerable<InstanceLogLine> lines)
    {
        var result = new List<InstanceLogLine>();
        await foreach (var line in lines)
        {
            result.Add(line);
        }

        return result;
    }
}
