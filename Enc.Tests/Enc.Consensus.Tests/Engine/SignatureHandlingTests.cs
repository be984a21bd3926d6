using Enc.Consensus.Engine;
using Enc.Consensus.Messages;
using Enc.Consensus.Primitives;

namespace Enc.Consensus.Tests.Engine;

public sealed class SignatureHandlingTests
{
    [Fact]
    public void ForgedCommits_DoNotCommit_AndAreRejected()
    {
        var cluster = new EngineTestCluster(4);
        cluster.Filter = (_, _, m) => m is not CommitMessage;
        cluster.Start();
        cluster.RunUntil(() => false, maxMs: 100);
        var target = 0;
        var digest = cluster.Outputs.SelectMany(o => o).SelectMany(o => o.Messages).Select(m => m.Message).OfType<ProposalMessage>().Single().Block.Hash;

        // COMMITs in the other validators' names with garbage signatures.
        foreach (var i in new[] { 1, 2, 3 })
        {
            var forged = new SignedPayload(MessageType.Commit, 1, 0, digest, -1, cluster.Signers[i].PublicKey, new byte[32]);
            cluster.Inject(target, new CommitMessage(forged));
        }

        // Signatures are checked when the votes could form a quorum: the target's own COMMIT plus
        // the first two forgeries reach it, the aggregate fails, both forgeries are evicted; the
        // third forgery alone with the target's COMMIT is no quorum and stays unchecked.
        Assert.Empty(cluster.Engines[target].Chain);
        Assert.Equal(2, cluster.Rejections(target).Count(r => r.Reason == RejectionReasons.InvalidSignature));

        // The genuine COMMITs still count afterwards.
        cluster.Filter = (_, _, _) => true;
        foreach (var i in new[] { 1, 2, 3 })
        {
            cluster.Inject(target, new CommitMessage(SignedPayload.Create(cluster.Signers[i], MessageType.Commit, 1, 0, digest)));
        }

        Assert.Single(cluster.Engines[target].Chain);
    }

    [Fact]
    public void CancellingForgedSignatures_PassAsABatchButAreNeverCachedAsIndividuallyValid()
    {
        var scheme = new Crypto.SimulatedSignatureScheme();
        var a = scheme.CreateSigner("a");
        var b = scheme.CreateSigner("b");
        var digest = Hash256.Compute("x"u8);
        var va = SignedPayload.Create(a, MessageType.Prepare, 1, 0, digest);
        var vb = SignedPayload.Create(b, MessageType.Prepare, 1, 0, digest);

        // Two Byzantine signers shift their signatures by opposite deltas: each is invalid, their aggregate is valid.
        var sa = (byte[])va.Signature.Clone();
        var sb = (byte[])vb.Signature.Clone();
        sa[0] ^= 0x42;
        sb[0] ^= 0x42;
        var fa = new SignedPayload(va.Type, 1, 0, digest, -1, a.PublicKey, sa);
        var fb = new SignedPayload(vb.Type, 1, 0, digest, -1, b.PublicKey, sb);
        var cache = new VerifiedSignatureCache(scheme);

        Assert.Empty(cache.VerifyBatch([fa, fb]));
        Assert.False(cache.IsKnownValid(fa));
        Assert.False(cache.VerifySet([fa]));
        Assert.True(cache.VerifySet([fa, fb]));
    }

    [Fact]
    public void EquivocatingVoter_YieldsEvidence_OnceAndOnlyAgainstItself()
    {
        var cluster = new EngineTestCluster(4);
        cluster.Start();
        cluster.RunUntil(() => false, maxMs: 1);
        var liar = cluster.Signers[2];
        var first = SignedPayload.Create(liar, MessageType.Prepare, 1, 0, Hash256.Compute("one"u8));
        var second = SignedPayload.Create(liar, MessageType.Prepare, 1, 0, Hash256.Compute("two"u8));
        var third = SignedPayload.Create(liar, MessageType.Prepare, 1, 0, Hash256.Compute("three"u8));
        var fresh = new EngineTestCluster(4);
        fresh.Engines[0].Start(fresh.Now);

        fresh.Inject(0, new PrepareMessage(first));
        var out2 = fresh.Inject(0, new PrepareMessage(second));
        var out3 = fresh.Inject(0, new PrepareMessage(third));

        var evidence = Assert.Single(out2.Evidence);
        Assert.Equal(liar.PublicKey, evidence.Offender);
        Assert.Null(evidence.Verify(fresh.Verifier, fresh.Genesis));
        Assert.Empty(out3.Evidence);
        Assert.Contains(out3.Rejections, r => r.Reason == RejectionReasons.Equivocation);
    }
}
