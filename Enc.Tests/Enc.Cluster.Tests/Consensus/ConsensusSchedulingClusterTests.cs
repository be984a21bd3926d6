using Enc.Client.Consensus;
using Enc.Cluster.Tests.Infrastructure;
using Enc.Consensus.Blocks;
using Enc.Grains.Consensus.Scheduling;
using Enc.Grains.Interfaces.Workloads;
using static Enc.Cluster.Tests.Consensus.ConsensusTestCluster;

namespace Enc.Cluster.Tests.Consensus;

/// <summary>
/// ConsensusDriven scheduling on three silos: node inventories are committed first; a workload's
/// instance is proposed as a placement, replayed by every validator, and bound only when its block
/// committed; the Scheduled event (and receipt) carries the block's certificate.
/// </summary>
public sealed class ConsensusSchedulingClusterTests
{
    [Fact]
    public async Task ConsensusDrivenInstance_IsBoundOnlyAfterItsPlacementCommits()
    {
        var (db, cluster) = await StartAsync("consensus_sched", silos: 3);
        await using var _ = db;
        await using var __ = cluster;
        await using var client = await cluster.ConnectClientAsync();
        var names = cluster.Cluster.Silos.Select(s => cluster.Agent(s).NodeName).ToHashSet(StringComparer.Ordinal);

        // Every node's validator commits its inventory before anything can be placed.
        await WaitForInventoriesAsync(client, names);

        var spec = new WorkloadSpec
        {
            Name = "voted",
            Driver = WorkloadDriver.Process,
            Command = ["/bin/sleep", "3600"],
            Resources = new WorkloadResources { CpuMillicores = 100, MemoryBytes = 32L << 20 },
            Scheduling = new WorkloadScheduling { Algorithm = SchedulingAlgorithmNames.ConsensusDriven },
        };
        try
        {
            await client.Workloads.SubmitAsync(spec, Ct);
            var placed = await Eventually.WaitAsync(
                async () => (await client.Workloads.GetAsync("voted", Ct))!,
                w => w.Instances.Any(i => i.NodeName is not null),
                WaitTimeout,
                "instance bound");
            var instance = placed.Instances.Single(i => i.NodeName is not null);
            var events = await client.Workloads.EventsAsync("voted", Ct);
            var awaiting = events.First(e => e.InstanceId == instance.InstanceId && e.Kind == "Unschedulable");
            Assert.Equal(ConsensusPlacementRequests.AwaitingConsensus, awaiting.Message);
            var scheduled = events.Single(e => e.InstanceId == instance.InstanceId && e.Kind == "Scheduled");
            Assert.True(awaiting.At <= scheduled.At);

            // The Scheduled event names the block whose certificate it carries; that block holds exactly this placement.
            var height = long.Parse(scheduled.Message.Split(" by consensus block ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            var block = await WaitForBlockAsync(client, height);
            Assert.Equal(CertificateVerification.Valid, ConsensusOperations.VerifyBlock(block));
            Assert.Contains(Convert.ToHexStringLower(block.Certificate.Encoded), scheduled.Message, StringComparison.Ordinal);
            var placement = PlacementDecision.FromDecision(ConsensusBlock.Decode(block.EncodedBlock).Decisions.Single(d => d.Type == DecisionTypes.Placement));
            Assert.Equal(instance.InstanceId, placement.Request.InstanceId);
            Assert.Equal(instance.NodeName, placement.Node);
            Assert.True(block.RecordedAt <= scheduled.At);
        }
        finally
        {
            await client.Workloads.DeleteAsync("voted", Ct);
        }
    }
}
