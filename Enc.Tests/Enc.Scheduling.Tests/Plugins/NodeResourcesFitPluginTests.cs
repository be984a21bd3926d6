namespace Enc.Scheduling.Tests.Plugins;

public sealed class NodeResourcesFitPluginTests
{
    public static TheoryData<string, ResourceVector, ResourceVector, string> Cases => new()
    {
        { "fits in an empty node", Build.Res(1000, 1, 1, 100), default, "" },
        { "exactly full still fits", Build.Res(4000, 8, 100, 1000), default, "" },
        { "cpu over by one millicore", Build.Res(1001, 1), Build.Res(3000), RejectionReasons.InsufficientCpu },
        { "memory", Build.Res(100, 5), Build.Res(0, 4), RejectionReasons.InsufficientMemory },
        { "disk", Build.Res(100, 0, 60), Build.Res(0, 0, 50), RejectionReasons.InsufficientDisk },
        { "bandwidth is a resource", Build.Res(100, 0, 0, 600), Build.Res(0, 0, 0, 500), RejectionReasons.InsufficientBandwidth },
        { "cpu is reported first", Build.Res(5000, 9), default, RejectionReasons.InsufficientCpu },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ChecksAllFourResources(string name, ResourceVector request, ResourceVector allocated, string reason)
    {
        var node = Build.Node("n1", cpu: 4000, memGi: 8, diskGi: 100, bandwidth: 1000, allocated: allocated);
        var cycle = Build.Cycle(Build.Cluster(node), Build.Request() with { Resources = request });
        var verdict = new NodeResourcesFitPlugin().Filter(cycle, 0);
        Assert.True(verdict.Reason == reason, $"{name}: got '{verdict.Reason}'");
        Assert.Equal(reason.Length == 0 ? FilterCode.Success : FilterCode.Unschedulable, verdict.Code);
    }
}
