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
        var started = await WaitForStatusAsync(client, s => s.Validators.Count == 4, "four genesis validators");
        Assert.Equal(names.Order(StringComparer.Ordinal), started!.Validators.Select(v => v.NodeName).Order(StringComparer.Ordinal));
        Assert.True(started.Idle);

        // Height 1: a validator-set change (weight) decided by all four.
        var submitted = await client.Consensus.SetValidatorWeightAsync(names[0], 2, Ct);
        var first = await WaitForBlockAsync(client, 1);
        var decision = Assert.Single(first.Decisions);
        Assert.Equal(DecisionTypes.ValidatorSetChange, decision.Type);
        Assert.Equal(submitted.DecisionHash, decision.Hash);
        Assert.True(first.Certificate.Signers.Count >= 3);
        Assert.Equal(CertificateVerification.Valid, ConsensusOperations.VerifyBlock(first));
        var tampered = first with { EncodedBlock = ConsensusBlock.Decode(first.EncodedBlock) is var b ? new ConsensusBlock(b.Height, b.ParentHash, b.ValidatorSetHash, []).Encode() : [] };
        Assert.False(ConsensusOperations.VerifyBlock(tampered).IsValid);

        // The change governs height 3 (two heights after its block).
        await client.Consensus.SetValidatorWeightAsync(names[1], 1, Ct);
        await WaitForBlockAsync(client, 2);
        var third = await WaitForStatusAsync(client, s => s.Height >= 3 && s.Idle, "height 3");
        Assert.Equal(2, third!.Validators.Single(v => v.NodeName == names[0]).Weight);

        // Stop one validator's silo (weight 1 of 5): the other three (weight 4 > 2/3 of 5) keep committing.
        var stopped = names[3];
        await cluster.Cluster.StopSiloAsync(cluster.Cluster.Silos[3], Ct);
        await client.Consensus.SetValidatorWeightAsync(names[1], 3, Ct);
        var afterStop = await WaitForBlockAsync(client, 3);
        Assert.DoesNotContain(stopped, afterStop.Certificate.Signers);
        Assert.Equal(CertificateVerification.Valid, ConsensusOperations.VerifyBlock(afterStop));

        // Height 4: forged COMMITs (signed with a key that is not theirs) in the names of three validators,
        // for exactly the block the proposer will propose, reach one validator before the block does.
        var status = await WaitForStatusAsync(client, s => s.Height == 4 && s.Idle, "height 4 idle");
        var set = new ValidatorSet(status!.Validators.Select(v => new Validator(ValidatorKey.FromHex(v.PublicKey), v.Weight)));
        var proposer = set.ProposerFor(4, 0);
        var receiver = status.Validators.First(v => v.NodeName != stopped && !ValidatorKey.FromHex(v.PublicKey).Equals(proposer));
        var change = ValidatorSetChange.SetWeight(ValidatorKey.FromHex(status.Validators.Single(v => v.NodeName == names[2]).PublicKey), 2);
        var expected = new ConsensusBlock(4, Hash256.FromHex(status.LastCertificate!.BlockHash), set.Hash, [change.ToDecision()]);
        using var forger = BlsSecretKey.Generate();
        foreach (var victim in status.Validators.Where(v => v.NodeName != receiver.NodeName))
        {
            var bytes = SignedPayload.SigningBytes(MessageType.Commit, 4, 0, expected.Hash, -1);
            var forged = new SignedPayload(MessageType.Commit, 4, 0, expected.Hash, -1, ValidatorKey.FromHex(victim.PublicKey), forger.Sign(bytes).ToBytes());
            await client.GrainFactory.GetGrain<IValidatorGrain>(receiver.NodeName).DeliverAsync(new ConsensusEnvelope
            {
                Height = 4,
                Kind = (byte)MessageType.Commit,
                Bytes = ConsensusMessageCodec.Encode(new CommitMessage(forged)),
            });
        }

        await client.Consensus.SetValidatorWeightAsync(names[2], 2, Ct);
        var fourth = await WaitForBlockAsync(client, 4);
        Assert.Equal(expected.Hash.ToString(), fourth.BlockHash);
        Assert.Equal(CertificateVerification.Valid, ConsensusOperations.VerifyBlock(fourth));
        var receiverStatus = await Eventually.WaitAsync(
            () => client.GrainFactory.GetGrain<IValidatorGrain>(receiver.NodeName).GetStatusAsync(),
            s => s is { Height: 5 },
            ConsensusTestCluster.Timeout,
            "the receiver committed height 4");
        Assert.True(receiverStatus!.Rejections.GetValueOrDefault(Enc.Consensus.Engine.RejectionReasons.InvalidSignature) >= 1);
    }
}
