using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Interfaces.Nodes;

namespace Enc.Cluster.Tests.Dev;

/// <summary>A development-mode cluster (Orleans.TestingHost): nodes register, are listed and placed on their own silo.</summary>
public sealed class DevClusterTests : IAsyncLifetime
{
    private DevTestCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await DevTestCluster.StartAsync(silos: 2);

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task EverySiloRegistersAReadyNodeWithHostCapacity()
    {
        await using var client = await _cluster.ConnectClientAsync();
        var names = _cluster.Cluster.Silos.Select(s => _cluster.Agent(s).NodeName).Order(StringComparer.Ordinal).ToArray();

        var nodes = await client.Nodes.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(names, nodes.Select(n => n.Name).ToArray());
        foreach (var node in nodes)
        {
            Assert.Equal(NodeStatus.Ready, node.Status);
            Assert.Equal(Environment.ProcessorCount * 1000L, node.Resources.Capacity.CpuMillicores);
            Assert.True(node.Resources.Capacity.MemoryBytes > 0);
            Assert.Equal(new DriveInfo(_cluster.DataDirectory).TotalSize, node.Resources.Capacity.DiskBytes);
            Assert.Contains("process", node.Capabilities.Drivers);
            Assert.Equal([NodeStatus.Joining, NodeStatus.Ready], node.History.Select(h => h.To).ToArray());
            Assert.Equal(ResourceQuantities.Zero, node.Resources.Allocated);
        }
    }

    [Fact]
    public async Task NodeGrainIsActivatedOnItsOwnSilo()
    {
        foreach (var silo in _cluster.Cluster.Silos)
        {
            var name = _cluster.Agent(silo).NodeName;
            await _cluster.Grains.GetGrain<INodeGrain>(name).GetAsync();
            var grainId = _cluster.Grains.GetGrain<INodeGrain>(name).GetGrainId();

            Assert.True(_cluster.Cluster.TryGetGrainContext(grainId, out var context));
            Assert.Equal(silo.SiloAddress, context!.Address.SiloAddress);
        }
    }

    [Fact]
    public async Task GetReturnsNullForAnUnknownNode()
    {
        await using var client = await _cluster.ConnectClientAsync();

        Assert.Null(await client.Nodes.GetAsync("no-such-node", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ClusterStatusListsActiveSilosAndReadyNodes()
    {
        await using var client = await _cluster.ConnectClientAsync();

        var status = await client.Cluster.GetStatusAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, status.ActiveSilos);
        Assert.Equal(2, status.NodesByStatus[NodeStatus.Ready]);
    }

    [Fact]
    public async Task WorkloadAssignmentsReserveCapacityAndNeverOvercommit()
    {
        var name = _cluster.Agent(_cluster.Cluster.Silos[0]).NodeName;
        var node = _cluster.Grains.GetGrain<INodeGrain>(name);
        var capacity = (await node.GetAsync())!.Resources.Capacity;
        var half = capacity with { CpuMillicores = capacity.CpuMillicores / 2, MemoryBytes = 1, DiskBytes = 1, NetworkBitsPerSecond = 0 };

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => node.TryAssignWorkloadAsync($"w{i}", half)));

        Assert.Equal(2, results.Count(r => r));
        var snapshot = (await node.GetAsync())!;
        Assert.Equal(2, snapshot.Workloads.Count);
        Assert.True(snapshot.Resources.Allocated.FitsWithin(capacity));
        foreach (var workload in snapshot.Workloads)
        {
            await node.UnassignWorkloadAsync(workload);
        }

        Assert.Equal(ResourceQuantities.Zero, (await node.GetAsync())!.Resources.Allocated);
    }
}
