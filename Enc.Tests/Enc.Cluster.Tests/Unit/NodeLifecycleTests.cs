using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Nodes;

namespace Enc.Cluster.Tests.Unit;

public sealed class NodeLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RegisterAssignsIdOnceAndKeepsHistoryAcrossReRegistration()
    {
        var node = new NodeLifecycle("n1", new NodeRecord());
        var ids = 0;
        node.Register(Registration(), T0, () => $"id-{++ids}");
        node.MarkReady(T0);
        node.MarkLeaving(T0.AddSeconds(1));
        node.Register(Registration(), T0.AddSeconds(2), () => $"id-{++ids}");

        var snapshot = node.ToSnapshot()!;
        Assert.Equal("id-1", snapshot.Id);
        Assert.Equal(T0, snapshot.RegisteredAt);
        Assert.Equal(
            [NodeStatus.Joining, NodeStatus.Ready, NodeStatus.Leaving, NodeStatus.Joining],
            snapshot.History.Select(h => h.To).ToArray());
    }

    [Fact]
    public void ReservationsNeverExceedCapacityAndReassignReplaces()
    {
        var node = new NodeLifecycle("n1", new NodeRecord());
        node.Register(Registration(), T0, () => "id");
        var request = new ResourceQuantities { CpuMillicores = 1500, MemoryBytes = 1 << 20, DiskBytes = 0, NetworkBitsPerSecond = 0 };

        Assert.True(node.TryAssignWorkload("a", request));
        Assert.True(node.TryAssignWorkload("b", request));
        Assert.False(node.TryAssignWorkload("c", request));
        Assert.True(node.TryAssignWorkload("a", request with { CpuMillicores = 2500 }));
        Assert.False(node.TryAssignWorkload("a", request with { CpuMillicores = 2501 }));

        Assert.Equal(4000, node.Allocated().CpuMillicores);
        Assert.Equal(["a", "b"], node.ToSnapshot()!.Workloads);
        Assert.True(node.UnassignWorkload("a"));
        Assert.False(node.UnassignWorkload("a"));
        Assert.Equal(1500, node.Allocated().CpuMillicores);
    }

    [Fact]
    public void NegativeRequestIsRejectedNamingTheField()
    {
        var node = new NodeLifecycle("n1", new NodeRecord());
        node.Register(Registration(), T0, () => "id");

        var ex = Assert.Throws<ArgumentException>(() => node.TryAssignWorkload("a", ResourceQuantities.Zero with { MemoryBytes = -1 }));
        Assert.Contains("request", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "ConsensusWeight")]
    [InlineData(-3, "ConsensusWeight")]
    public void InvalidRegistrationIsRejectedNamingTheField(int weight, string field)
    {
        var node = new NodeLifecycle("n1", new NodeRecord());

        var ex = Assert.Throws<ArgumentException>(() => node.Register(Registration() with { ConsensusWeight = weight }, T0, () => "id"));

        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        Assert.False(node.IsRegistered);
    }

    [Fact]
    public void HistoryIsBounded()
    {
        var node = new NodeLifecycle("n1", new NodeRecord());
        for (var i = 0; i < NodeLifecycle.MaxHistory + 10; i++)
        {
            node.Register(Registration(), T0.AddSeconds(i), () => "id");
        }

        Assert.Equal(NodeLifecycle.MaxHistory, node.Record.History.Count);
        Assert.Equal(T0.AddSeconds(NodeLifecycle.MaxHistory + 9), node.Record.History[^1].At);
    }

    [Fact]
    public void OperationsOnAnUnregisteredNodeFail()
    {
        var node = new NodeLifecycle("n1", new NodeRecord());

        Assert.Throws<InvalidOperationException>(() => node.Heartbeat(T0));
        Assert.Null(node.ToSnapshot());
    }

    internal static NodeRegistration Registration() => new()
    {
        Capabilities = new NodeCapabilities
        {
            Drivers = ["process"],
            OperatingSystem = "linux",
            Architecture = "x64",
            Labels = new Dictionary<string, string>(),
            Zone = "",
            Region = "",
        },
        Capacity = new ResourceQuantities { CpuMillicores = 4000, MemoryBytes = 1L << 30, DiskBytes = 1L << 30, NetworkBitsPerSecond = 0 },
        Address = "127.0.0.1:11111",
        ConsensusWeight = 1,
    };
}
