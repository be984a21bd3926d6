using Enc.Consensus.Blocks;
using Enc.Consensus.Tests.Engine;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Tests.Blocks;

public sealed class CommitCertificateTests
{
    private static (EngineTestCluster Cluster, CommittedBlock Committed) CommitOne()
    {
        var cluster = new EngineTestCluster(4);
        cluster.Start();
        Assert.True(cluster.RunUntil(() => cluster.AllReach(1)));
        return (cluster, cluster.Engines[0].Chain[0]);
    }

    [Fact]
    public void Certificate_VerifiesOffline_AfterEncodeAndDecode()
    {
        var (cluster, committed) = CommitOne();
        var decoded = CommitCertificate.Decode(committed.Certificate.Encode());

        Assert.Null(decoded.Verify(cluster.Genesis, cluster.Verifier));
        Assert.Equal(committed.Block.Hash, decoded.BlockHash);
        Assert.True(cluster.Genesis.IsQuorum(cluster.Genesis.WeightOf(decoded.Signers(cluster.Genesis))));
    }

    [Fact]
    public void TamperedCertificates_AreRefusedWithTheReason()
    {
        var (cluster, committed) = CommitOne();
        var c = committed.Certificate;
        var set = cluster.Genesis;
        var signers = c.Signers(set);

        // Below quorum: keep two of four signers.
        var twoSigners = CommitCertificate.BitmapFor(set, signers.Take(2));
        Assert.Contains("more than two thirds", new CommitCertificate(c.Height, c.Round, c.BlockHash, c.ValidatorSetHash, twoSigners, c.AggregateSignature).Verify(set, cluster.Verifier));

        // A bit beyond the set.
        var extraBit = (byte[])c.SignerBitmap.Clone();
        extraBit[0] |= 0x80;
        Assert.Contains("beyond", new CommitCertificate(c.Height, c.Round, c.BlockHash, c.ValidatorSetHash, extraBit, c.AggregateSignature).Verify(set, cluster.Verifier));

        // Another block, another round, a corrupted aggregate.
        Assert.Contains("does not verify", new CommitCertificate(c.Height, c.Round, Primitives.Hash256.Compute("x"u8), c.ValidatorSetHash, c.SignerBitmap, c.AggregateSignature).Verify(set, cluster.Verifier));
        Assert.Contains("does not verify", new CommitCertificate(c.Height, c.Round + 1, c.BlockHash, c.ValidatorSetHash, c.SignerBitmap, c.AggregateSignature).Verify(set, cluster.Verifier));
        var corrupted = (byte[])c.AggregateSignature.Clone();
        corrupted[3] ^= 1;
        Assert.Contains("does not verify", new CommitCertificate(c.Height, c.Round, c.BlockHash, c.ValidatorSetHash, c.SignerBitmap, corrupted).Verify(set, cluster.Verifier));

        // Another validator set.
        var other = new ValidatorSet(set.Validators.Select(v => new Validator(v.Key, v.Weight + 1)));
        Assert.Contains("validator set hash", c.Verify(other, cluster.Verifier));
    }

    [Fact]
    public void ForgedNewBlock_IsRejected_AndTheChainIsUnchanged()
    {
        var (cluster, committed) = CommitOne();
        var set = cluster.Genesis;
        var block = new ConsensusBlock(2, committed.Block.Hash, set.Hash, []);
        var all = CommitCertificate.BitmapFor(set, set.Validators.Select(v => v.Key));
        var forged = new CommitCertificate(2, 0, block.Hash, set.Hash, all, cluster.Signers[0].Sign(block.Hash.ToArray()));
        var fresh = new EngineTestCluster(4);
        fresh.Engines[1].Start(fresh.Now);

        // Height 1 arrives genuinely; the forged height 2 must be refused.
        var outputs = new[]
        {
            fresh.Inject(1, new Messages.NewBlockMessage(committed)),
            fresh.Inject(1, new Messages.NewBlockMessage(new CommittedBlock(block, forged))),
        };

        Assert.Single(fresh.Engines[1].Chain);
        Assert.Contains(outputs[1].Rejections, r => r.Reason == Consensus.Engine.RejectionReasons.InvalidCertificate);
    }
}
