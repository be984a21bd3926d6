using Enc.Cluster.Tests.Infrastructure;
using Enc.Consensus.Blocks;
using Enc.Grains.Interfaces.Consensus;
using static Enc.Cluster.Tests.Consensus.ConsensusTestCluster;

namespace Enc.Cluster.Tests.Consensus;

/// <summary>
/// Four validators on four silos: each committed block reaches its round grain once per committing validator (the
/// commit report, which also carries the NEW-BLOCK announcement), not twice (a NEW-BLOCK multicast and a commit
/// record, as before); the round grain stays idempotent for repeated and conflicting reports.
/// </summary>
public sealed class ConsensusBlockDeliveryClusterTests
{
    [Fact]
    public async Task EachCommittedBlockReachesItsRoundGrainOncePerCommittingValidator()
    {
        var deliveries = new BlockDeliveryCounter();
        var (db, cluster) = await StartAsync("delivery", silos: 4, configure: silo => silo.AddIncomingGrainCallFilter(deliveries));
        await using var _ = db;
        await using var __ = cluster;
        await using var client = await cluster.ConnectClientAsync();
        var names = cluster.Cluster.Silos.Select(s => cluster.Agent(s).NodeName).ToList();
        await WaitForInventoriesAsync(client, names);
        var idle = await WaitForStatusAsync(client, s => s.Validators.Count == 4 && s.Idle && s.PendingDecisions == 0, "four validators, idle");

        // One more block, decided by all four; then every validator has passed it and reported its commit.
        await client.Consensus.SetValidatorWeightAsync(names[0], 2, Ct);
        var last = idle!.Height;
        await WaitForBlockAsync(client, last);
        foreach (var name in names)
        {
            await Eventually.WaitAsync(() => client.GrainFactory.GetGrain<IValidatorGrain>(name).GetStatusAsync(), s => s is not null && s.Height > last, WaitTimeout, $"{name} past height {last}");
        }

        // Reports are sent without waiting for them: wait until each height has one from every committer that
        // reported (at least the certificate's signers), then a little longer for any second delivery to show.
        for (var h = 1L; h <= last; h++)
        {
            var signers = (await WaitForBlockAsync(client, h)).Certificate.Signers.Count;
            var height = h;
            await Eventually.WaitAsync(() => Task.FromResult(deliveries.Deliveries.Count(d => d.Height == height)), c => c >= signers, WaitTimeout, $"reports of height {h}");
        }

        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        var seen = deliveries.Deliveries.Where(d => d.Height <= last).ToList();
        foreach (var perHeight in seen.GroupBy(d => d.Height))
        {
            Assert.True(
                perHeight.Count() <= names.Count && perHeight.GroupBy(d => d.Sender).All(s => s.Count() == 1 && s.Key != "?"),
                $"height {perHeight.Key} reached its round grain {perHeight.Count()} times: {string.Join(", ", perHeight.Select(d => $"{d.Method} from {d.Sender}"))}");
        }

        // Idempotent receiver: a repeated report records nothing new; a conflicting one is refused.
        var recorded = await WaitForBlockAsync(client, last);
        var round = client.GrainFactory.GetGrain<IConsensusRoundGrain>(last);
        Assert.False(await round.ReportCommitAsync(recorded.EncodedBlock, [], recorded.Validators, names[1], names));
        var other = ConsensusBlock.Decode(recorded.EncodedBlock) is var b ? new ConsensusBlock(b.Height, b.ParentHash, b.ValidatorSetHash, []).Encode() : [];
        await Assert.ThrowsAsync<InvalidOperationException>(() => round.ReportCommitAsync(other, [], recorded.Validators, names[1], names));
        Assert.Equal(recorded.BlockHash, (await round.GetBlockAsync())!.BlockHash);
    }
}
