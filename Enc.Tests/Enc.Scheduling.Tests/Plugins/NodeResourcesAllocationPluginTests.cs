namespace Enc.Scheduling.Tests.Plugins;

public sealed class NodeResourcesAllocationPluginTests
{
    // Nodes: 4000m/8Gi/100Gi/1000bps. n1 is empty, n2 half used, n3 three-quarters used on every resource.
    private static ClusterSnapshot Nodes() => Build.Cluster(
        Build.Node("n1", diskGi: 100, bandwidth: 1000),
        Build.Node("n2", diskGi: 100, bandwidth: 1000, allocated: Build.Res(2000, 4, 50, 500)),
        Build.Node("n3", diskGi: 100, bandwidth: 1000, allocated: Build.Res(3000, 6, 75, 750)));

    public static TheoryData<string, string, ResourceVector, int[]> Cases => new()
    {
        { "binpack prefers the fullest node", ResourceStrategyNames.Binpack, Build.Res(0), [0, 50, 75] },
        { "spread prefers the emptiest node", ResourceStrategyNames.Spread, Build.Res(0), [100, 50, 25] },
        { "the request itself counts", ResourceStrategyNames.Binpack, Build.Res(400, 0, 0, 0), [2, 52, 77] },
        { "all four resources average", ResourceStrategyNames.Binpack, Build.Res(1000, 2, 25, 250), [25, 75, 100] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ScoresUtilizationAfterPlacement(string name, string strategy, ResourceVector request, int[] expected)
    {
        var cycle = Build.Cycle(Nodes(), Build.Request() with { Resources = request, ResourceStrategy = strategy });
        var scores = Build.Scores(new NodeResourcesAllocationPlugin(), cycle);
        Assert.True(expected.SequenceEqual(scores), $"{name}: got [{string.Join(",", scores)}]");
    }

    [Fact]
    public void ResourcesWithoutCapacityAreLeftOut()
    {
        var node = Build.Node("n1", cpu: 1000, memGi: 0, diskGi: 0, bandwidth: 0, allocated: Build.Res(500));
        var cycle = Build.Cycle(Build.Cluster(node), Build.Request(cpu: 0) with { Resources = default });
        Assert.Equal([50], Build.Scores(new NodeResourcesAllocationPlugin(), cycle));
    }
}
