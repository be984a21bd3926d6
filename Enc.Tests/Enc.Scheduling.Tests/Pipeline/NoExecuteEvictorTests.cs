using Enc.Scheduling.Evictions;

namespace Enc.Scheduling.Tests.Pipeline;

public sealed class NoExecuteEvictorTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, Toleration[], string> Cases => new()
    {
        { "no toleration: evict now", [], "now" },
        { "tolerated forever: stays", [new() { Key = "maint", Operator = TolerationOperator.Exists }], "stays" },
        { "tolerated 60s, taint 120s old: evict now", [new() { Key = "maint", Operator = TolerationOperator.Exists, Effect = TaintEffect.NoExecute, TolerationSeconds = 60 }], "now" },
        { "tolerated 600s: evict later", [new() { Key = "maint", Operator = TolerationOperator.Exists, Effect = TaintEffect.NoExecute, TolerationSeconds = 600 }], "later" },
        { "toleration for another key: evict now", [new() { Key = "other", Operator = TolerationOperator.Exists }], "now" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EvictsInstancesThatDoNotTolerate(string name, Toleration[] tolerations, string expected)
    {
        var taint = Build.Taint("maint", TaintEffect.NoExecute) with { TimeAdded = Now.AddSeconds(-120) };
        var snapshot = Build.Cluster(
            [Build.Node("a", taints: [taint]), Build.Node("b", taints: [Build.Taint("soft", TaintEffect.NoSchedule)])],
            [Build.Instance("i1", "w", "a", tolerations: tolerations), Build.Instance("i2", "w", "b")]);
        var result = NoExecuteEvictor.Evaluate(snapshot, Now);
        var actual = result.EvictNow.Any(e => e.InstanceId == "i1") ? "now" : result.EvictLater.Any(e => e.Eviction.InstanceId == "i1") ? "later" : "stays";
        Assert.True(expected == actual, $"{name}: {actual}");
        Assert.DoesNotContain(result.EvictNow, e => e.InstanceId == "i2");
        if (expected == "later")
        {
            Assert.Equal(Now.AddSeconds(480), result.EvictLater.Single().Due);
        }
    }
}
