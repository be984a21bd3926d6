using Enc.Consensus.Blocks;
using Enc.Consensus.Engine;
using Enc.Consensus.Messages;
using Enc.Consensus.Primitives;
using Enc.Consensus.Simulation;

namespace Enc.Consensus.Tests.Engine;

public sealed class QbftEngineTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(10)]
    public void HonestValidators_CommitTheSameBlocksInRoundZero(int n)
    {
        var cluster = new EngineTestCluster(n);
        cluster.Start();

        Assert.True(cluster.RunUntil(() => cluster.AllReach(5)));
        for (var h = 0; h < 5; h++)
        {
            var hashes = cluster.Engines.Select(e => e.Chain[h].Block.Hash).Distinct().ToList();
            Assert.Single(hashes);
            Assert.All(cluster.Engines, e => Assert.Equal(0, e.Chain[h].Certificate.Round));
            Assert.Null(cluster.Engines[0].Chain[h].Certificate.Verify(cluster.Genesis, cluster.Verifier));
        }
    }

    [Fact]
    public void OneCrashedValidatorOfFour_OthersKeepCommitting()
    {
        var cluster = new EngineTestCluster(4);
        cluster.Crashed.Add(1);
        cluster.Start();

        Assert.True(cluster.RunUntil(() => cluster.AllReach(6)));
        Assert.Equal(cluster.Engines[0].Chain.Select(b => b.Block.Hash), cluster.Engines[3].Chain.Select(b => b.Block.Hash));
    }

    [Fact]
    public void TwoCrashedValidatorsOfFour_NoBlockCommits()
    {
        var cluster = new EngineTestCluster(4);
        cluster.Crashed.UnionWith([0, 2]);
        cluster.Start();

        Assert.False(cluster.RunUntil(() => cluster.AllReach(1), maxMs: 60_000));
        Assert.All(cluster.Engines, e => Assert.Empty(e.Chain));
    }

    [Fact]
    public void PreparedValue_IsReProposedAfterRoundChange_LockingRule()
    {
        // Every COMMIT of round 0 is lost: all validators prepare the round-0 block but nobody
        // commits. After the round change, the round-1 proposer must re-propose that block.
        var cluster = new EngineTestCluster(4);
        cluster.Filter = (_, _, m) => !(m is CommitMessage c && c.Payload.Round == 0);
        cluster.Start();

        Assert.True(cluster.RunUntil(() => cluster.AllReach(1)));
        var roundZero = cluster.Outputs.SelectMany(o => o).SelectMany(o => o.Messages).Select(m => m.Message).OfType<ProposalMessage>().Single(p => p.Payload.Round == 0);
        var committed = cluster.Engines[0].Chain[0];
        Assert.Equal(roundZero.Block.Hash, committed.Block.Hash);
        Assert.True(committed.Certificate.Round >= 1);
        var reProposal = cluster.Outputs.SelectMany(o => o).SelectMany(o => o.Messages).Select(m => m.Message).OfType<ProposalMessage>()
            .First(p => p.Payload.Round == committed.Certificate.Round);
        Assert.NotEmpty(reProposal.Prepares);
        Assert.Contains(reProposal.RoundChanges, rc => rc.PreparedRound == 0 && rc.Digest == roundZero.Block.Hash);
    }

    [Fact]
    public void RoundOneProposal_WithAnotherBlockThanThePreparedOne_IsRejected()
    {
        var cluster = new EngineTestCluster(4);
        cluster.Filter = (_, _, m) => !(m is CommitMessage);
        cluster.Start();
        cluster.RunUntil(() => false, maxMs: 400);
        var prepared = cluster.Outputs.SelectMany(o => o).SelectMany(o => o.Messages).Select(m => m.Message).OfType<ProposalMessage>().Single().Block;

        // Build the round-change quorum every validator would send for round 1, all reporting
        // the prepared block, then have the round-1 proposer propose a different block with it.
        var proposerIndex = cluster.IndexOf(cluster.Genesis.ProposerFor(1, 1));
        var prepares = cluster.Signers.Select(s => SignedPayload.Create(s, MessageType.Prepare, 1, 0, prepared.Hash)).ToList();
        var roundChanges = cluster.Signers.Select(s => SignedPayload.Create(s, MessageType.RoundChange, 1, 1, prepared.Hash, 0)).ToList();
        var other = new ConsensusBlock(1, Hash256.Zero, cluster.Genesis.Hash, []);
        var payload = SignedPayload.Create(cluster.Signers[proposerIndex], MessageType.Proposal, 1, 1, other.Hash);
        var target = (proposerIndex + 1) % 4;

        var output = cluster.Inject(target, new ProposalMessage(payload, other, roundChanges, prepares));

        Assert.Contains(output.Rejections, r => r.Reason == RejectionReasons.InvalidJustification);
        Assert.DoesNotContain(output.Messages, m => m.Message is PrepareMessage);

        // The same justification with the prepared block is accepted and PREPAREd in round 1 (by
        // another validator: for the first one, a second round-1 proposal is an equivocation).
        var good = SignedPayload.Create(cluster.Signers[proposerIndex], MessageType.Proposal, 1, 1, prepared.Hash);
        var accepted = cluster.Inject((proposerIndex + 2) % 4, new ProposalMessage(good, prepared, roundChanges, prepares));
        var evidence = cluster.Inject(target, new ProposalMessage(good, prepared, roundChanges, prepares)).Evidence;
        Assert.Equal(cluster.Signers[proposerIndex].PublicKey, Assert.Single(evidence).Offender);
        Assert.Contains(accepted.Messages, m => m.Message is PrepareMessage p && p.Payload.Round == 1 && p.Payload.Digest == prepared.Hash);
    }

    [Fact]
    public void ProposalFromTheWrongProposer_IsRejected()
    {
        var cluster = new EngineTestCluster(4);
        cluster.Start();
        var notProposer = cluster.IndexOf(cluster.Genesis.ProposerFor(1, 1));
        var block = new ConsensusBlock(1, Hash256.Zero, cluster.Genesis.Hash, []);
        var payload = SignedPayload.Create(cluster.Signers[notProposer], MessageType.Proposal, 1, 0, block.Hash);

        var output = cluster.Inject((notProposer + 2) % 4, new ProposalMessage(payload, block, [], []));

        Assert.Contains(output.Rejections, r => r.Reason == RejectionReasons.WrongProposer);
    }

    [Fact]
    public void InfeasiblePlacements_AreNotPrepared_ByValidatorsReplayingTheScheduler()
    {
        var cluster = new EngineTestCluster(4, sources: i => new StandInDecisionSource($"n{i}", infeasible: true, []),
            validators: _ => new StandInPlacementValidator());
        var proposer = cluster.IndexOf(cluster.Genesis.ProposerFor(1, 0));
        var block = new ConsensusBlock(1, Hash256.Zero, cluster.Genesis.Hash,
            [StandInPlacementScheduler.Decision("w1", StandInPlacementScheduler.Misplace("w1", Hash256.Zero))]);
        var payload = SignedPayload.Create(cluster.Signers[proposer], MessageType.Proposal, 1, 0, block.Hash);
        var target = (proposer + 1) % 4;
        cluster.Engines[target].Start(cluster.Now);

        var output = cluster.Inject(target, new ProposalMessage(payload, block, [], []));

        var rejection = Assert.Single(output.Rejections);
        Assert.Equal(RejectionReasons.InvalidDecisions, rejection.Reason);
        Assert.Contains("the scheduler places it on", rejection.Detail);
        Assert.DoesNotContain(output.Messages, m => m.Message is PrepareMessage);
    }

    [Fact]
    public void HonestProposerWithAnInfeasibleBatch_ProposesAnEmptyBlockInstead()
    {
        var cluster = new EngineTestCluster(4, sources: i => new StandInDecisionSource($"n{i}", infeasible: true, []));
        cluster.Start();

        Assert.True(cluster.RunUntil(() => cluster.AllReach(2)));
        Assert.All(cluster.Engines[0].Chain, b => Assert.Empty(b.Block.Decisions));
    }
}
