using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Interfaces.Nodes;

namespace Enc.Cluster.Tests.Dev;

/// <summary>A silo that leaves the membership: its node is marked Leaving by its agent, then Down by the monitor.</summary>
public sealed class MembershipLeaveTests : IAsyncLifetime
{
    private DevTestCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await DevTestCluster.StartAsync(silos: 2);

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task GracefullyStoppedSiloLeavesItsNodeDown()
    {
        var leaving = _cluster.Cluster.Silos[1];
        var name = _cluster.Agent(leaving).NodeName;

        await _cluster.Cluster.StopSiloAsync(leaving, TestContext.Current.CancellationToken);

        var node = _cluster.Grains.GetGrain<INodeGrain>(name);
        var snapshot = await Eventually.WaitAsync(
            () => node.GetAsync(),
            s => s!.Status == NodeStatus.Down,
            TimeSpan.FromSeconds(30),
            $"node {name} to be Down");
        Assert.Equal(
            [NodeStatus.Joining, NodeStatus.Ready, NodeStatus.Leaving, NodeStatus.Down],
            snapshot!.History.Select(h => h.To).ToArray());
        Assert.Equal(NodeStatusReasons.ShutdownRequested, snapshot.History[2].Reason);
        Assert.Equal(NodeStatusReasons.SiloLeftMembership, snapshot.History[3].Reason);
    }
}
