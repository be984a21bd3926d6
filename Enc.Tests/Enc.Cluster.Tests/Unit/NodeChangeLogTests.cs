using Enc.Grains.Nodes;

namespace Enc.Cluster.Tests.Unit;

/// <summary>The node registry's change log.</summary>
public sealed class NodeChangeLogTests
{
    [Fact]
    public void AReaderWithAnotherEpochGetsEveryKnownNodeSorted()
    {
        var log = new NodeChangeLog();
        log.Record("b");

        var set = log.Since(Guid.Empty, 0, ["c", "a", "b"]);

        Assert.True(set.Full);
        Assert.Equal(["a", "b", "c"], set.Names);
        Assert.Equal((log.Epoch, 1L), (set.Epoch, set.Sequence));
    }

    [Fact]
    public void AReaderGetsOnlyTheNodesChangedAfterItsPositionEachOnce()
    {
        var log = new NodeChangeLog();
        log.Record("a");
        var first = log.Since(log.Epoch, 0, ["a", "b", "c"]);
        log.Record("c");
        log.Record("b");
        log.Record("c");

        var second = log.Since(first.Epoch, first.Sequence, ["a", "b", "c"]);
        var third = log.Since(second.Epoch, second.Sequence, ["a", "b", "c"]);

        Assert.Equal(["a"], first.Names);
        Assert.False(second.Full);
        Assert.Equal(["b", "c"], second.Names);
        Assert.Equal(4, second.Sequence);
        Assert.Empty(third.Names);
        Assert.False(third.Full);
    }

    [Fact]
    public void APositionAheadOfTheLogIsAnsweredWithTheFullList()
    {
        var log = new NodeChangeLog();
        log.Record("a");

        Assert.True(log.Since(log.Epoch, 5, ["a"]).Full);
    }

    [Fact]
    public void TwoLogsHaveDifferentEpochs() => Assert.NotEqual(new NodeChangeLog().Epoch, new NodeChangeLog().Epoch);
}
