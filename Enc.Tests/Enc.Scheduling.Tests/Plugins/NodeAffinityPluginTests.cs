namespace Enc.Scheduling.Tests.Plugins;

public sealed class NodeAffinityPluginTests
{
    private static NodeSelectorTerm Term(params LabelExpression[] expressions) => new() { Expressions = expressions };

    public static TheoryData<string, NodeSelectorTerm[], string[], bool> RequiredCases => new()
    {
        { "no terms passes", [], ["a=1"], true },
        { "In matches", [Term(Build.Expr("zone", LabelOperator.In, "a", "b"))], ["zone=b"], true },
        { "In rejects other value", [Term(Build.Expr("zone", LabelOperator.In, "a"))], ["zone=c"], false },
        { "In rejects missing key", [Term(Build.Expr("zone", LabelOperator.In, "a"))], [], false },
        { "NotIn passes missing key", [Term(Build.Expr("gpu", LabelOperator.NotIn, "none"))], [], true },
        { "NotIn rejects listed value", [Term(Build.Expr("gpu", LabelOperator.NotIn, "none"))], ["gpu=none"], false },
        { "Exists", [Term(Build.Expr("gpu", LabelOperator.Exists))], ["gpu=a100"], true },
        { "DoesNotExist rejects present key", [Term(Build.Expr("spot", LabelOperator.DoesNotExist))], ["spot=true"], false },
        { "expressions of a term are ANDed", [Term(Build.Expr("gpu", LabelOperator.Exists), Build.Expr("zone", LabelOperator.In, "a"))], ["gpu=x", "zone=b"], false },
        { "terms are ORed", [Term(Build.Expr("zone", LabelOperator.In, "a")), Term(Build.Expr("zone", LabelOperator.In, "b"))], ["zone=b"], true },
    };

    [Theory]
    [MemberData(nameof(RequiredCases))]
    public void RequiredAffinityFilters(string name, NodeSelectorTerm[] terms, string[] nodeLabels, bool passes)
    {
        var state = new SchedulerState(Build.Cluster(Build.Node("n1", labels: Build.Labels(nodeLabels))));
        var request = Build.Request() with { RequiredNodeAffinity = terms };
        var verdict = new NodeAffinityPlugin().FilterClass(request, state.Classes[0]);
        Assert.True(verdict.IsSuccess == passes, name);
        Assert.Equal(passes ? "" : RejectionReasons.NodeAffinityMismatch, verdict.Reason);
    }

    public static TheoryData<string, PreferredNodeAffinityTerm[], int[]> PreferredCases => new()
    {
        { "single preference: matching node gets 100", [new() { Weight = 10, Term = Term(Build.Expr("disk", LabelOperator.In, "ssd")) }], [100, 0, 0] },
        {
            "weights add and normalize to the best", [
                new() { Weight = 30, Term = Term(Build.Expr("disk", LabelOperator.In, "ssd")) },
                new() { Weight = 10, Term = Term(Build.Expr("gpu", LabelOperator.Exists)) },
            ], [100, 25, 0]
        },
        { "nothing matches: all zero", [new() { Weight = 5, Term = Term(Build.Expr("x", LabelOperator.Exists)) }], [0, 0, 0] },
    };

    [Theory]
    [MemberData(nameof(PreferredCases))]
    public void PreferredAffinityScores(string name, PreferredNodeAffinityTerm[] terms, int[] expected)
    {
        var snapshot = Build.Cluster(
            Build.Node("n1", labels: Build.Labels("disk=ssd", "gpu=t4")),
            Build.Node("n2", labels: Build.Labels("gpu=t4")),
            Build.Node("n3"));
        var cycle = Build.Cycle(snapshot, Build.Request() with { PreferredNodeAffinity = terms });
        Assert.True(expected.SequenceEqual(Build.Scores(new NodeAffinityPlugin(), cycle)), name);
    }

    [Fact]
    public void NoPreferencesSkipsScoring()
    {
        var cycle = Build.Cycle(Build.Cluster(Build.Node("n1")), Build.Request());
        Assert.False(new NodeAffinityPlugin().PreScore(cycle, [0]));
    }
}
