namespace Enc.Scheduling.Tests.Plugins;

public sealed class NodeStatusPluginTests
{
    public static TheoryData<string, NodeStatus, FilterCode, string> Cases => new()
    {
        { "ready passes", NodeStatus.Ready, FilterCode.Success, "" },
        { "down is not ready", NodeStatus.Down, FilterCode.UnschedulableAndUnresolvable, RejectionReasons.NodeNotReady },
        { "cordoned is cordoned", NodeStatus.Cordoned, FilterCode.UnschedulableAndUnresolvable, RejectionReasons.NodeCordoned },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FiltersByStatus(string name, NodeStatus status, FilterCode code, string reason)
    {
        var state = new SchedulerState(Build.Cluster(Build.Node("n1", status: status)));
        var verdict = new NodeStatusPlugin().FilterClass(Build.Request(), state.Classes[0]);
        Assert.True(verdict.Code == code, name);
        Assert.Equal(reason, verdict.Reason);
    }
}
