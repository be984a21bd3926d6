namespace Enc.Scheduling.Tests.Plugins;

public sealed class TaintTolerationPluginTests
{
    private static Toleration Equal(string key, string value, TaintEffect? effect = null) => new() { Key = key, Value = value, Effect = effect };

    private static Toleration Exists(string key = "", TaintEffect? effect = null) => new() { Key = key, Operator = TolerationOperator.Exists, Effect = effect };

    public static TheoryData<string, Taint[], Toleration[], bool> FilterCases => new()
    {
        { "untainted node passes", [], [], true },
        { "NoSchedule without toleration rejects", [Build.Taint("gpu", TaintEffect.NoSchedule, "true")], [], false },
        { "NoExecute without toleration rejects", [Build.Taint("maint", TaintEffect.NoExecute)], [], false },
        { "PreferNoSchedule never rejects", [Build.Taint("spot", TaintEffect.PreferNoSchedule)], [], true },
        { "Equal toleration with same value", [Build.Taint("gpu", TaintEffect.NoSchedule, "true")], [Equal("gpu", "true")], true },
        { "Equal toleration with other value", [Build.Taint("gpu", TaintEffect.NoSchedule, "true")], [Equal("gpu", "false")], false },
        { "Exists on key", [Build.Taint("gpu", TaintEffect.NoSchedule, "true")], [Exists("gpu")], true },
        { "empty-key Exists tolerates all", [Build.Taint("a", TaintEffect.NoSchedule), Build.Taint("b", TaintEffect.NoExecute)], [Exists()], true },
        { "effect must match", [Build.Taint("gpu", TaintEffect.NoSchedule, "true")], [Equal("gpu", "true", TaintEffect.NoExecute)], false },
        { "every hard taint needs a toleration", [Build.Taint("a", TaintEffect.NoSchedule), Build.Taint("b", TaintEffect.NoSchedule)], [Exists("a")], false },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public void HardTaintsNeedTolerations(string name, Taint[] taints, Toleration[] tolerations, bool passes)
    {
        var state = new SchedulerState(Build.Cluster(Build.Node("n1", taints: taints)));
        var verdict = new TaintTolerationPlugin().FilterClass(Build.Request() with { Tolerations = tolerations }, state.Classes[0]);
        Assert.True(verdict.IsSuccess == passes, name);
        Assert.Equal(passes ? "" : RejectionReasons.UntoleratedTaint, verdict.Reason);
    }

    public static TheoryData<string, Toleration[], int[]> ScoreCases => new()
    {
        { "fewer PreferNoSchedule taints score higher", [], [100, 50, 0] },
        { "tolerated soft taints do not count", [Exists("spot")], [100, 100, 0] },
    };

    [Theory]
    [MemberData(nameof(ScoreCases))]
    public void SoftTaintsLowerTheScore(string name, Toleration[] tolerations, int[] expected)
    {
        var snapshot = Build.Cluster(
            Build.Node("n1"),
            Build.Node("n2", taints: [Build.Taint("spot", TaintEffect.PreferNoSchedule)]),
            Build.Node("n3", taints: [Build.Taint("spot", TaintEffect.PreferNoSchedule), Build.Taint("old", TaintEffect.PreferNoSchedule)]));
        var cycle = Build.Cycle(snapshot, Build.Request() with { Tolerations = tolerations });
        Assert.True(expected.SequenceEqual(Build.Scores(new TaintTolerationPlugin(), cycle)), name);
    }
}
