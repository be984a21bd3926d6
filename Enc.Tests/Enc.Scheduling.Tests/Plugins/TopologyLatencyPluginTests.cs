namespace Enc.Scheduling.Tests.Plugins;

public sealed class TopologyLatencyPluginTests
{
    private static SchedulerState State(LatencyMatrix latency) => new(Build.Cluster(
        [Build.Node("n1", zone: "a"), Build.Node("n2", zone: "a"), Build.Node("n3", zone: "b"), Build.Node("n4", zone: "c")],
        [Build.Instance("db/0", "db", "n1")]) with { Latency = latency });

    public static TheoryData<string, LatencyMatrix, int[]> Cases => new()
    {
        {
            "node pairs: nearer is better, same node is best",
            new LatencyMatrix { NodePairs = [new("n1", "n2", 200), new("n1", "n3", 1000), new("n4", "n1", 600)] },
            [100, 80, 0, 40]
        },
        {
            "zone pairs fill unmeasured node pairs",
            new LatencyMatrix { ZonePairs = [new("a", "a", 100), new("a", "b", 500), new("c", "a", 900)] },
            [100, 88, 44, 0]
        },
        {
            "unmeasured pairs rank last",
            new LatencyMatrix { NodePairs = [new("n1", "n2", 200)] },
            [100, 99, 0, 0]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ScoresTowardLowLatency(string name, LatencyMatrix latency, int[] expected)
    {
        var cycle = Build.Cycle(State(latency), Build.Request("api") with { CommunicatesWith = ["db"] });
        var scores = Build.Scores(new TopologyLatencyPlugin(), cycle);
        Assert.True(expected.SequenceEqual(scores), $"{name}: got [{string.Join(",", scores)}]");
    }

    [Fact]
    public void SkipsWhenThePeerHasNoInstances()
    {
        var cycle = Build.Cycle(State(new LatencyMatrix { NodePairs = [new("n1", "n2", 1)] }), Build.Request("api") with { CommunicatesWith = ["ghost"] });
        Assert.False(new TopologyLatencyPlugin().PreScore(cycle, [0, 1]));
    }
}
