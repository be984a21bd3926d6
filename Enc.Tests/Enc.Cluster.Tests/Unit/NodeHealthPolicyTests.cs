using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Nodes;

namespace Enc.Cluster.Tests.Unit;

public sealed class NodeHealthPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly NodeHealthThresholds Thresholds = new(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(60));

    public static TheoryData<string, NodeStatus, int, bool, NodeStatus?, string?> Cases => new()
    {
        { "ready and fresh stays", NodeStatus.Ready, 14, false, null, null },
        { "ready at not-ready threshold", NodeStatus.Ready, 15, false, NodeStatus.NotReady, NodeStatusReasons.HeartbeatLate },
        { "joining silent goes not ready", NodeStatus.Joining, 20, false, NodeStatus.NotReady, NodeStatusReasons.HeartbeatLate },
        { "ready whose silo left", NodeStatus.Ready, 1, true, NodeStatus.NotReady, NodeStatusReasons.SiloLeftMembership },
        { "not ready before down stays", NodeStatus.NotReady, 59, false, null, null },
        { "not ready at down threshold", NodeStatus.NotReady, 60, false, NodeStatus.Down, NodeStatusReasons.HeartbeatLost },
        { "ready silent past down goes straight down", NodeStatus.Ready, 61, false, NodeStatus.Down, NodeStatusReasons.HeartbeatLost },
        { "leaving with silo still member stays", NodeStatus.Leaving, 5, false, null, null },
        { "leaving whose silo left is down", NodeStatus.Leaving, 5, true, NodeStatus.Down, NodeStatusReasons.SiloLeftMembership },
        { "leaving silent past down", NodeStatus.Leaving, 60, false, NodeStatus.Down, NodeStatusReasons.HeartbeatLost },
        { "down stays down", NodeStatus.Down, 600, true, null, null },
        { "unregistered is never judged", NodeStatus.Invalid, 600, true, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate(string name, NodeStatus current, int silentSeconds, bool siloLeft, NodeStatus? expected, string? reason)
    {
        var decision = NodeHealthPolicy.Evaluate(current, T0, T0.AddSeconds(silentSeconds), siloLeft, Thresholds);

        Assert.True(expected == decision?.Status, name);
        Assert.Equal(reason, decision?.Reason);
    }
}
