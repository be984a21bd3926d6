using Enc.Client;
using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Interfaces.Nodes;
using Enc.Silo.Database;
using Microsoft.Extensions.DependencyInjection;

namespace Enc.Cluster.Tests.Postgres;

/// <summary>
/// Two production-mode silos (real TCP on loopback) forming one cluster through the PostgreSQL
/// membership table; a client that finds them through the same table; a full restart.
/// </summary>
public sealed class PostgresClusterTests : IAsyncLifetime
{
    private PostgresDatabase _db = null!;
    private string _dataDirectory = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await PostgresDatabase.CreateAsync(nameof(PostgresClusterTests));
        await SchemaMigrator.Default.MigrateAsync(_db.ConnectionString, TestContext.Current.CancellationToken);
        _dataDirectory = Directory.CreateTempSubdirectory("enc-pg-").FullName;
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task TwoSilosJoinThroughThePostgresMembershipAndNodesSurviveAFullRestart()
    {
        var clusterId = "pg-" + Guid.NewGuid().ToString("N")[..8];
        var clientOptions = new EncClientOptions { ConnectionString = _db.ConnectionString, ClusterId = clusterId, ServiceId = clusterId };
        Dictionary<string, NodeSnapshot> before;
        await using (var a = await InProcessEncSilo.StartAsync("node-a", clusterId, _db.ConnectionString, _dataDirectory))
        await using (var b = await InProcessEncSilo.StartAsync("node-b", clusterId, _db.ConnectionString, _dataDirectory))
        {
            await using var client = await EncClient.ConnectAsync(clientOptions, TestContext.Current.CancellationToken);
            var status = await Eventually.WaitAsync(() => client.Cluster.GetStatusAsync(TestContext.Current.CancellationToken), s => s.ActiveSilos == 2, TimeSpan.FromSeconds(30), "two active silos");
            Assert.Equal(["node-a", "node-b"], status.Silos.Where(s => s.Status == "Active").Select(s => s.Name).ToArray());
            Assert.Equal(2L, await _db.ScalarAsync<long>($"SELECT count(*) FROM orleans_membership WHERE deployment_id = '{clusterId}' AND status = 3;"));

            var nodes = await client.Nodes.ListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["node-a", "node-b"], nodes.Select(n => n.Name).ToArray());
            Assert.All(nodes, n => Assert.Equal(NodeStatus.Ready, n.Status));
            var management = client.GrainFactory.GetGrain<IManagementGrain>(0);
            foreach (var silo in new[] { a, b })
            {
                var node = client.GrainFactory.GetGrain<INodeGrain>(silo.NodeName);
                var activation = await management.GetActivationAddress(node, TestContext.Current.CancellationToken);
                Assert.Equal(silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress, activation);
            }

            Assert.True(await client.GrainFactory.GetGrain<INodeGrain>("node-a").TryAssignWorkloadAsync("w-persisted", ResourceQuantities.Zero with { CpuMillicores = 100 }));
            before = nodes.ToDictionary(n => n.Name);
        }

        Assert.Equal(0L, await _db.ScalarAsync<long>($"SELECT count(*) FROM orleans_membership WHERE deployment_id = '{clusterId}' AND status = 3;"));

        await using (var a = await InProcessEncSilo.StartAsync("node-a", clusterId, _db.ConnectionString, _dataDirectory))
        await using (var b = await InProcessEncSilo.StartAsync("node-b", clusterId, _db.ConnectionString, _dataDirectory))
        {
            await using var client = await EncClient.ConnectAsync(clientOptions, TestContext.Current.CancellationToken);
            var nodes = await Eventually.WaitAsync(
                () => client.Nodes.ListAsync(TestContext.Current.CancellationToken),
                list => list.Count == 2 && list.All(n => n.Status == NodeStatus.Ready),
                TimeSpan.FromSeconds(30),
                "both nodes Ready after restart");
            foreach (var node in nodes)
            {
                var old = before[node.Name];
                Assert.Equal(old.Id, node.Id);
                Assert.Equal(old.RegisteredAt, node.RegisteredAt);
                var reasons = node.History.Select(h => (h.To, h.Reason)).ToArray();
                Assert.Equal((NodeStatus.Joining, NodeStatusReasons.Registered), reasons[0]);
                Assert.Equal((NodeStatus.Ready, NodeStatusReasons.AgentReady), reasons[1]);
                Assert.Contains((NodeStatus.Leaving, NodeStatusReasons.ShutdownRequested), reasons);
                Assert.Equal([(NodeStatus.Joining, NodeStatusReasons.Registered), (NodeStatus.Ready, NodeStatusReasons.AgentReady)], reasons[^2..]);
            }

            Assert.Equal(["w-persisted"], nodes.Single(n => n.Name == "node-a").Workloads);
        }
    }
}
