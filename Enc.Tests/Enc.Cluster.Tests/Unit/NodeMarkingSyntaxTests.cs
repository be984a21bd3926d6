using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Cluster.Tests.Unit;

public sealed class NodeMarkingSyntaxTests
{
    public static TheoryData<string, string, string, TaintEffect> Taints => new()
    {
        { "key=value:Effect", "dedicated=db:NoSchedule", "dedicated|db", TaintEffect.NoSchedule },
        { "key:Effect", "gpu:PreferNoSchedule", "gpu|", TaintEffect.PreferNoSchedule },
        { "prefixed key", "example.com/maintenance=true:NoExecute", "example.com/maintenance|true", TaintEffect.NoExecute },
    };

    [Theory]
    [MemberData(nameof(Taints))]
    public void ParsesTaintsToAdd(string description, string text, string keyValue, TaintEffect effect)
    {
        var taint = Assert.Single(NodeMarkingSyntax.ParseTaints([text]).AddTaints);
        Assert.True(keyValue == $"{taint.Key}|{taint.Value}" && effect == taint.Effect, description);
        Assert.Equal(text, taint.ToString());
    }

    [Fact]
    public void ParsesRemovalsOfOneEffectOrEveryEffect()
    {
        var change = NodeMarkingSyntax.ParseTaints(["dedicated:NoSchedule-", "gpu-"]);
        Assert.Empty(change.AddTaints);
        Assert.Equal([("dedicated", TaintEffect.NoSchedule), ("gpu", TaintEffect.Invalid)], change.RemoveTaints.Select(t => (t.Key, t.Effect)));
    }

    [Theory]
    [InlineData("dedicated=db", "expected key=value:Effect")]
    [InlineData("dedicated=db:Sometimes", "effect 'Sometimes'")]
    [InlineData("Bad Key:NoSchedule", "key 'Bad Key'")]
    [InlineData("k=bad value:NoSchedule", "value 'bad value'")]
    public void RejectsMalformedTaintsNamingTheArgument(string text, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => NodeMarkingSyntax.ParseTaints([text]));
        Assert.Contains($"taint '{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParsesLabelsAndRefusesReservedKeys()
    {
        var change = NodeMarkingSyntax.ParseLabels(["disk=ssd", "rack=", "old-"]);
        Assert.Equal(new Dictionary<string, string> { ["disk"] = "ssd", ["rack"] = "" }, change.SetLabels);
        Assert.Equal(["old"], change.RemoveLabels);
        Assert.Contains("reserved", Assert.Throws<ArgumentException>(() => NodeMarkingSyntax.ParseLabels(["enc.os=linux"])).Message, StringComparison.Ordinal);
        Assert.Contains("expected key=value", Assert.Throws<ArgumentException>(() => NodeMarkingSyntax.ParseLabels(["disk"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheGrainSideCheckRefusesWhatAClientBuiltByHand()
    {
        var change = new NodeMarkingChange { AddTaints = [new NodeTaint { Key = "k", Effect = TaintEffect.Invalid }] };
        Assert.Contains("effect must be", Assert.Throws<ArgumentException>(() => NodeMarkingSyntax.ThrowIfInvalid(change)).Message, StringComparison.Ordinal);
    }
}
