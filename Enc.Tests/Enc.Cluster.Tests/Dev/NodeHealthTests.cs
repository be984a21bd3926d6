using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Nodes.Options;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Enc.Cluster.Tests.Dev;

/// <summary>
/// Heartbeat loss on a cluster whose node clock is a FakeTimeProvider (fake: time cannot be waited
/// for exactly otherwise). The "remote" node is registered through the grain API, as an agent on a
/// host that then went silent would have done.
/// </summary>
public sealed class NodeHealthTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private DevTestCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await DevTestCluster.StartAsync(silos: 1, nodeClock: _clock);

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task SilentNodeBecomesNotReadyThenDownThenReadyOnHeartbeat_WithFakeClock()
    {
        var silo = _cluster.Cluster.Silos[0];
        var options = _cluster.Service<IOptions<EncNodeOptions>>(silo).Value;
        var monitor = _cluster.Monitor(silo);
        var node = _cluster.Grains.GetGrain<INodeGrain>("remote-1");
        await node.RegisterAsync(Registration());
        await node.MarkReadyAsync();

        _clock.Advance(options.NotReadyAfter - TimeSpan.FromSeconds(1));
        Assert.Equal(NodeStatus.Ready, (await monitor.SweepAsync())["remote-1"]);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(NodeStatus.NotReady, (await monitor.SweepAsync())["remote-1"]);

        _clock.Advance(options.DownAfter - options.NotReadyAfter - TimeSpan.FromSeconds(1));
        Assert.Equal(NodeStatus.NotReady, (await monitor.SweepAsync())["remote-1"]);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(NodeStatus.Down, (await monitor.SweepAsync())["remote-1"]);

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(NodeStatus.Down, (await monitor.SweepAsync())["remote-1"]);
        Assert.True(await node.HeartbeatAsync());

        var history = (await node.GetAsync())!.History;
        Assert.Equal(
            [
                (NodeStatus.Invalid, NodeStatus.Joining, Start, NodeStatusReasons.Registered),
                (NodeStatus.Joining, NodeStatus.Ready, Start, NodeStatusReasons.AgentReady),
                (NodeStatus.Ready, NodeStatus.NotReady, Start + options.NotReadyAfter, NodeStatusReasons.HeartbeatLate),
                (NodeStatus.NotReady, NodeStatus.Down, Start + options.DownAfter, NodeStatusReasons.HeartbeatLost),
                (NodeStatus.Down, NodeStatus.Ready, Start + options.DownAfter + TimeSpan.FromSeconds(30), NodeStatusReasons.HeartbeatResumed),
            ],
            history.Select(h => (h.From, h.To, h.At, h.Reason)).ToArray());
    }

    [Fact]
    public async Task HeartbeatOfAnUnregisteredNodeAsksTheAgentToRegister()
    {
        Assert.False(await _cluster.Grains.GetGrain<INodeGrain>("never-registered").HeartbeatAsync());
    }

    [Fact]
    public async Task AgentHeartbeatKeepsItsNodeReady()
    {
        var silo = _cluster.Cluster.Silos[0];
        var agent = _cluster.Agent(silo);
        var options = _cluster.Service<IOptions<EncNodeOptions>>(silo).Value;

        _clock.Advance(options.NotReadyAfter + TimeSpan.FromSeconds(1));
        await agent.HeartbeatAsync();
        var statuses = await _cluster.Monitor(silo).SweepAsync();

        Assert.Equal(NodeStatus.Ready, statuses[agent.NodeName]);
        Assert.Equal(_clock.GetUtcNow(), (await _cluster.Grains.GetGrain<INodeGrain>(agent.NodeName).GetAsync())!.LastHeartbeat);
    }

    private static NodeRegistration Registration() => new()
    {
        Capabilities = new NodeCapabilities
        {
            Drivers = ["process"],
            OperatingSystem = "linux",
            Architecture = "x64",
            Labels = new Dictionary<string, string> { ["rack"] = "r1" },
            Zone = "z1",
            Region = "eu",
        },
        Capacity = new ResourceQuantities { CpuMillicores = 4000, MemoryBytes = 8L << 30, DiskBytes = 100L << 30, NetworkBitsPerSecond = 1_000_000_000 },
        Address = "127.0.0.2:11111",
        ConsensusWeight = 2,
    };
}
