using Enc.Consensus.Blocks;
using Enc.Consensus.Engine;
using Enc.Consensus.Messages;
using Enc.Consensus.Primitives;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Tests.Engine;

public sealed class ChainProgressTests
{
    [Fact]
    public void IsolatedValidator_CatchesUpFromCertifiedBlocks()
    {
        var cluster = new EngineTestCluster(4);
        var isolated = true;
        cluster.Filter = (from, to, _) => !isolated || (from != 3 && to != 3);
        cluster.Start();
        Assert.True(cluster.RunUntil(() => cluster.AllReach(3, [0, 1, 2])));
        Assert.Empty(cluster.Engines[3].Chain);

        isolated = false;
        Assert.True(cluster.RunUntil(() => cluster.AllReach(5)));
        Assert.Equal(cluster.Engines[0].Chain.Take(5).Select(b => b.Block.Hash), cluster.Engines[3].Chain.Take(5).Select(b => b.Block.Hash));
    }

    [Fact]
    public void ValidatorSetChange_CommittedThroughConsensus_GovernsHeightPlusTwo()
    {
        var scheme = new Crypto.SimulatedSignatureScheme();
        var signers = Enumerable.Range(0, 4).Select(i => scheme.CreateSigner($"vs/{i}")).ToArray();
        var change = ValidatorSetChange.SetWeight(signers[0].PublicKey, 3);
        var cluster = new EngineTestCluster(4, verifier: scheme, signers: i => signers[i],
            sources: _ => new FixedDecisionSource(height => height == 1 ? [change.ToDecision()] : []));
        cluster.Start();

        Assert.True(cluster.RunUntil(() => cluster.AllReach(4)));
        var history = cluster.Engines[1].Validators;
        Assert.Equal(4, history.SetFor(2).TotalWeight);
        Assert.Equal(6, history.SetFor(3).TotalWeight);
        Assert.Equal(3, history.SetFor(3).WeightOf(signers[0].PublicKey));

        // Height 3's certificate is checked against the new set.
        var third = cluster.Engines[2].Chain[2];
        Assert.Equal(history.SetFor(3).Hash, third.Certificate.ValidatorSetHash);
        Assert.Null(third.Certificate.Verify(history.SetFor(3), scheme));
    }

    [Fact]
    public void MessagesForAFutureHeight_AreBufferedAndUsedOnArrival()
    {
        var cluster = new EngineTestCluster(4);
        var delayed = new List<(int To, ConsensusMessage Message)>();
        cluster.Filter = (_, to, m) =>
        {
            if (to == 0 && m is NewBlockMessage or CommitMessage { Height: 1 })
            {
                delayed.Add((to, m));
                return false;
            }

            return true;
        };
        cluster.Start();
        cluster.RunUntil(() => cluster.AllReach(2, [1, 2, 3]));
        Assert.Empty(cluster.Engines[0].Chain);

        cluster.Filter = (_, _, _) => true;
        foreach (var (to, message) in delayed)
        {
            cluster.Inject(to, message);
        }

        Assert.True(cluster.Engines[0].Chain.Count >= 1);
        Assert.Equal(cluster.Engines[1].Chain[0].Block.Hash, cluster.Engines[0].Chain[0].Block.Hash);
    }

    private sealed class FixedDecisionSource(Func<long, IReadOnlyList<Decision>> decisions) : IDecisionSource
    {
        public IReadOnlyList<Decision> PendingDecisions(long height, CommittedBlock? parent, int maxCount) => decisions(height);
    }
}
