namespace Enc.Scheduling.Tests.Plugins;

public sealed class NodeSelectorPluginTests
{
    public static TheoryData<string, string[], string[], bool> Cases => new()
    {
        { "empty selector matches any node", [], ["zone=a"], true },
        { "equal label matches", ["disk=ssd"], ["disk=ssd", "gpu=true"], true },
        { "different value rejects", ["disk=ssd"], ["disk=hdd"], false },
        { "missing label rejects", ["disk=ssd"], ["gpu=true"], false },
        { "all pairs required", ["disk=ssd", "gpu=true"], ["disk=ssd"], false },
        { "values are case sensitive", ["disk=ssd"], ["disk=SSD"], false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesEveryPair(string name, string[] selector, string[] nodeLabels, bool passes)
    {
        var state = new SchedulerState(Build.Cluster(Build.Node("n1", labels: Build.Labels(nodeLabels))));
        var request = Build.Request() with { NodeSelector = Build.Labels(selector) };
        var verdict = new NodeSelectorPlugin().FilterClass(request, state.Classes[0]);
        Assert.True(verdict.IsSuccess == passes, name);
        if (!passes)
        {
            Assert.Equal(RejectionReasons.NodeSelectorMismatch, verdict.Reason);
        }
    }
}
