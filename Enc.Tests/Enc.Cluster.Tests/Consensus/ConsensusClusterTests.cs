using Enc.Client.Consensus;
using Enc.Cluster.Tests.Infrastructure;
using Enc.Consensus.Blocks;
using Enc.Consensus.Messages;
using Enc.Consensus.Primitives;
using Enc.Consensus.Validators;
using Enc.Crypto.Bls;
using Enc.Grains.Interfaces.Consensus;
using static Enc.Cluster.Tests.Consensus.ConsensusTestCluster;

namespace Enc.Cluster.Tests.Consensus;

/// <summary>
/// QBFT on the Orleans transport: four validators on four silos (real BLS keys, grain state in
/// PostgreSQL) commit blocks with certificates anyone can verify; with one silo stopped the other
/// three keep committing; forged COMMIT votes are rejected without stopping progress.
/// </summary>
public sealed class ConsensusClusterTests
{
    [Fact]
    public async Task FourValidatorsCommit_ThreeContinueAfterASiloStops_ForgedVotesAreRejected()
    {
        var (db, cluster) = await StartAsync("consensus", silos: 4);
        await using var _ = db;
        await using var __ = cluster;
        await using var client = await cluster.ConnectClientAsync();
        var names = cluster.Cluster.Silos.Select(s => cluster.Agent(s).NodeName).ToList();
        // Each node's validator first commits its node's inventory; wait until that settled.
        await WaitForInventoriesAsync(client, names);
        var started = await WaitForStatusAsync(client, s => s.Validators.Count == 4 && s.Idle && s.PendingDecisions == 0, "four genesis validators, idle");
        Assert.Equal(names.Order(StringComparer.Ordinal), started!.Validators.Select(v => v.NodeName).Order(StringComparer.Ordinal));
        var h = started.Height;

        // A validator-set change (weight) decided by all four.
        var submitted = await client.Consensus.SetValidatorWeightAsync(names[0], 2, Ct);
        var first = await WaitForBlockAsync(client, h);
        var decision = Assert.Single(first.Decisions, d => d.Hash == submitted.DecisionHash);
        Assert.Equal(DecisionTypes.ValidatorSetChange, decision.Type);
        Assert.True(first.Certificate.Signers.Count >= 3);
        Assert.Equal(CertificateVerification.Valid, ConsensusOperations.VerifyBlock(first));
        var tampered = first with { EncodedBlock = ConsensusBlock.Decode(first.EncodedBlock) is var b ? new ConsensusBlock(b.Height, b.ParentHash, b.ValidatorSetHash, []).Encode() : [] };
        Assert.False(ConsensusOperations.VerifyBlock(tampered).IsValid);

        // The change governs height h + 2 (two heights after its block).
        await client.Consensus.SetValidatorWeightAsync(names[1], 1, Ct);
        await WaitForBlockAsync(client, h + 1);
        var third = await WaitForStatusAsync(client, s => s.Height >= h + 2 && s.Idle, "height h + 2");
        Assert.Equal(2, third!.Validators.Single(v => v.NodeName == names[0]).Weight);

        // Stop one validator's silo (weight 1 of 5): the other three (weight 4 > 2/3 of 5) keep committing.
        var stopped = names[3];
        await cluster.Cluster.StopSiloAsync(cluster.Cluster.Silos[3], Ct);
        await client.Consensus.SetValidatorWeightAsync(names[1], 3, Ct);
        var afterStop = await WaitForBlockAsync(client, h + 2);
        Assert.DoesNotContain(stopped, afterStop.Certificate.Signers);
        Assert.Equal(CertificateVerification.Valid, ConsensusOperations.VerifyBlock(afterStop));

        // Next height: forged COMMITs (signed with a key that is not theirs) in the names of three validators,
        // for exactly the block the proposer will propose, reach one validator before the block does. Votes are
        // verified lazily (one aggregate per quorum), so a forgery is evicted when its weight is needed for a
        // quorum or when the genuine vote replaces it; either way the block commits on genuine signatures only.
        var status = await WaitForStatusAsync(client, s => s.Height == h + 3 && s.Idle && s.PendingDecisions == 0, "height h + 3 idle");
        var next = status!.Height;
        var set = new ValidatorSet(status.Validators.Select(v => new Validator(ValidatorKey.FromHex(v.PublicKey), v.Weight)));
        var proposer = set.ProposerFor(next, 0);
        var receiver = status.Validators.First(v => v.NodeName != stopped && !ValidatorKey.FromHex(v.PublicKey).Equals(proposer));
        var change = ValidatorSetChange.SetWeight(ValidatorKey.FromHex(status.Validators.Single(v => v.NodeName == names[2]).PublicKey), 2);
        var expected = new ConsensusBlock(next, Hash256.FromHex(status.LastCertificate!.BlockHash), set.Hash, [change.ToDecision()]);
        using var forger = BlsSecretKey.Generate();
        foreach (var victim in status.Validators.Where(v => v.NodeName != receiver.NodeName))
        {
            var bytes = SignedPayload.SigningBytes(MessageType.Commit, next, 0, expected.Hash, -1);
            var forged = new SignedPayload(MessageType.Commit, next, 0, expected.Hash, -1, ValidatorKey.FromHex(victim.PublicKey), forger.Sign(bytes).ToBytes());
            await client.GrainFactory.GetGrain<IValidatorGrain>(receiver.NodeName).DeliverAsync(new ConsensusEnvelope
            {
                Height = next,
                Kind = (byte)MessageType.Commit,
                Bytes = ConsensusMessageCodec.Encode(new CommitMessage(forged)),
            });
        }

        // And a forged ROUND-CHANGE (checked on arrival, unlike votes that a quorum may never need).
        var roundChange = new SignedPayload(MessageType.RoundChange, next, 1, Hash256.Zero, -1, ValidatorKey.FromHex(status.Validators.Single(v => v.NodeName == stopped).PublicKey),
            forger.Sign(SignedPayload.SigningBytes(MessageType.RoundChange, next, 1, Hash256.Zero, -1)).ToBytes());
        await client.GrainFactory.GetGrain<IValidatorGrain>(receiver.NodeName).DeliverAsync(new ConsensusEnvelope
        {
            Height = next,
            Kind = (byte)MessageType.RoundChange,
            Bytes = ConsensusMessageCodec.Encode(new RoundChangeMessage(roundChange, null, [])),
        });

        await client.Consensus.SetValidatorWeightAsync(names[2], 2, Ct);
        var fourth = await WaitForBlockAsync(client, next);
        Assert.Equal(expected.Hash.ToString(), fourth.BlockHash);
        Assert.Equal(CertificateVerification.Valid, ConsensusOperations.VerifyBlock(fourth));
        var receiverStatus = await Eventually.WaitAsync(
            () => client.GrainFactory.GetGrain<IValidatorGrain>(receiver.NodeName).GetStatusAsync(),
            s => s is not null && s.Height > next,
            ConsensusTestCluster.WaitTimeout,
            "the receiver committed the forged-against height");
        Assert.True(receiverStatus!.Rejections.GetValueOrDefault(Enc.Consensus.Engine.RejectionReasons.InvalidSignature) >= 1);
    }
}
