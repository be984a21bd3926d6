using Enc.Consensus.Blocks;
using Enc.Consensus.Crypto;
using Enc.Consensus.Engine;
using Enc.Consensus.Primitives;
using Enc.Consensus.Validators;
using Enc.Grains.Consensus;
using Enc.Grains.Consensus.Scheduling;
using Enc.Scheduling.Model;

namespace Enc.Cluster.Tests.Unit;

/// <summary>
/// ConsensusDriven planning per height: the proposer plans the pending batch once (asking whether the height has
/// work only checks that some request fits), does not replay its own plan, and each follower replays the proposed
/// block once instead of planning. Randomized cross-checks: the check agrees with the batch, and a plan (and every
/// prefix of it) passes the replay the proposer skips.
/// </summary>
public sealed class ConsensusPlanningTests
{
    private const long GiB = 1L << 30;

    [Fact]
    public void AHeightWithPlacements_IsPlannedOnceByItsProposer_AndReplayedOnceByEachFollower()
    {
        var network = new ValidatorNodeNetwork(4, "planning");
        network.SubmitToAllAndDeliver(Inventories(3, cpu: 4000));
        Assert.All(network.Nodes, n => Assert.Equal(2, n.Engine.Height));
        var before = network.Nodes.Select(Counters).ToArray();

        network.SubmitToAllAndDeliver(Requests("w", 8, cpu: 500));

        Assert.All(network.Nodes, n => Assert.Equal(3, n.Engine.Height));
        Assert.Equal(8, network.Nodes[0].Engine.Chain[1].Block.Decisions.Count(d => d.Type == DecisionTypes.Placement));
        var proposer = network.ProposerOf(2);
        for (var i = 0; i < network.Nodes.Length; i++)
        {
            var (plans, checks, replays) = Counters(network.Nodes[i]);
            var expected = i == proposer ? (Plans: 1L, Checks: 1L, Replays: 0L) : (Plans: 0L, Checks: 1L, Replays: 1L);
            Assert.Equal(expected, (plans - before[i].Plans, checks - before[i].Checks, replays - before[i].Replays));
        }
    }

    [Fact]
    public void RequestsThatFitNowhere_LeaveTheHeightIdle_WithoutAPlan()
    {
        var network = new ValidatorNodeNetwork(4, "planning/idle");
        network.SubmitToAllAndDeliver(Inventories(2, cpu: 1000));
        var before = network.Nodes.Select(Counters).ToArray();

        network.SubmitToAllAndDeliver(Requests("huge", 3, cpu: 64_000));

        for (var i = 0; i < network.Nodes.Length; i++)
        {
            var node = network.Nodes[i];
            Assert.True(node.Engine.IsIdle);
            Assert.Equal(2, node.Engine.Height);
            Assert.Equal(3, node.PendingCount);
            Assert.Equal((before[i].Plans, before[i].Checks + 1, before[i].Replays), Counters(node));
        }
    }

    [Fact]
    public void Randomized_TheCheckAgreesWithTheBatchAndTheReferencePlan()
    {
        for (var seed = 1; seed <= 120; seed++)
        {
            var random = new Random(seed);
            var parent = Committed(RandomInventories(random));
            var requests = RandomRequests(random, $"s{seed}");
            var checking = NodeOver(parent, requests);
            var batching = NodeOver(parent, requests);
            var state = new ConsensusClusterState();
            state.Apply(parent.Block);

            var check = checking.HasPendingDecisions(2, parent);
            var batch = batching.PendingDecisions(2, parent, 1);
            var reference = ConsensusPlacementPlanner.Plan(state, requests.Take(64).Select(d => PlacementRequestDecision.Decode(d.Payload))).Count > 0;

            Assert.True(check == (batch.Count > 0) && check == reference, $"seed {seed}: check {check}, batch {batch.Count}, reference {reference}");
        }
    }

    [Fact]
    public void Randomized_APlanAndEveryPrefix_PassTheReplay_AndAMovedPlacementFails()
    {
        for (var seed = 1; seed <= 120; seed++)
        {
            var random = new Random(seed);
            var parent = Committed(RandomInventories(random));
            var state = new ConsensusClusterState();
            state.Apply(parent.Block);
            var requests = RandomRequests(random, $"p{seed}").Select(d => PlacementRequestDecision.Decode(d.Payload));
            var plan = ConsensusPlacementPlanner.Plan(state, requests).Select(p => p.ToDecision()).ToList();
            var prefix = plan.Take(random.Next(plan.Count + 1)).ToList();
            var replay = new SchedulerReplayValidator(_ => state);

            foreach (var placements in new[] { plan, prefix })
            {
                var verdict = replay.Validate(Block(parent, placements), parent);
                Assert.True(verdict.IsValid, $"seed {seed}: {verdict.Reason}");
            }

            if (plan.Count > 0 && state.Nodes.Count > 1)
            {
                var moved = PlacementDecision.FromDecision(plan[^1]);
                var elsewhere = state.Nodes.Keys.First(n => n != moved.Node);
                var tampered = plan.Take(plan.Count - 1).Append((moved with { Node = elsewhere }).ToDecision());
                Assert.False(replay.Validate(Block(parent, tampered), parent).IsValid, $"seed {seed}");
            }
        }
    }

    [Fact]
    public void APlannedBatch_VouchesOnlyForItsOwnPlacementObjects_OverItsParent()
    {
        var parent = Committed(Inventories(2, cpu: 4000));
        var state = new ConsensusClusterState();
        state.Apply(parent.Block);
        var requests = Requests("own", 4, cpu: 100).Select(d => PlacementRequestDecision.Decode(d.Payload));
        var placements = ConsensusPlacementPlanner.Plan(state, requests).Select(p => p.ToDecision()).ToList();
        var batch = new PlannedBatch(parent, poolVersion: 7, maxCount: 10, placements, placements);
        var copies = placements.Select(d => new Decision(d.Type, d.Payload.ToArray())).ToList();

        Assert.True(batch.Planned(parent, placements));
        Assert.True(batch.Planned(parent, placements.Take(2).ToList()));
        Assert.False(batch.Planned(parent, copies));
        Assert.False(batch.Planned(null, placements));
        Assert.False(batch.Planned(parent, [.. placements, placements[0]]));
        Assert.True(batch.Answers(parent, 7, 10));
        Assert.False(batch.Answers(parent, 8, 10));
        Assert.False(batch.Answers(parent, 7, 1));
    }

    private static (long Plans, long Checks, long Replays) Counters(ValidatorNode node) =>
        (node.PlacementPlans, node.PlacementChecks, node.PlacementReplays);

    /// <summary>A node of a four-validator set that is not the round-0 proposer of height 2, over <paramref name="parent"/>, with <paramref name="pending"/> submitted.</summary>
    private static ValidatorNode NodeOver(CommittedBlock parent, IReadOnlyList<Decision> pending)
    {
        var scheme = new SimulatedSignatureScheme();
        var signers = Enumerable.Range(0, 4).Select(i => scheme.CreateSigner($"planning/random/{i}")).ToArray();
        var set = new ValidatorSet(signers.Select(s => new Validator(s.PublicKey, 1)));
        var follower = signers.First(s => !s.PublicKey.Equals(set.ProposerFor(2, 0)));
        var node = new ValidatorNode(follower, scheme, set, new QbftOptions { ProposeEmptyBlocks = false }, [parent]);
        node.Start(ValidatorNodeNetwork.Now);
        node.Submit(pending, ValidatorNodeNetwork.Now);
        return node;
    }

    /// <summary>A height-1 block of <paramref name="decisions"/> with a placeholder certificate (the engine trusts a given chain prefix).</summary>
    private static CommittedBlock Committed(IReadOnlyList<Decision> decisions)
    {
        var block = new ConsensusBlock(1, Hash256.Zero, Hash256.Zero, decisions);
        return new CommittedBlock(block, new CommitCertificate(1, 0, block.Hash, block.ValidatorSetHash, [0x0F], new byte[96]));
    }

    private static ConsensusBlock Block(CommittedBlock parent, IEnumerable<Decision> placements) =>
        new(2, parent.Block.Hash, parent.Block.ValidatorSetHash, placements);

    private static List<Decision> Inventories(int count, long cpu) =>
        Enumerable.Range(1, count).Select(i => Inventory($"node-{i}", cpu, 8 * GiB)).ToList();

    private static Decision Inventory(string name, long cpu, long memory) =>
        new NodeInventoryDecision(new NodeInfo { Id = name, Capacity = new ResourceVector(cpu, memory, 100 * GiB, 0) }).ToDecision();

    private static List<Decision> Requests(string workload, int count, long cpu) =>
        Enumerable.Range(0, count).Select(i => Request(workload, i, cpu, GiB / 4)).ToList();

    private static Decision Request(string workload, int replica, long cpu, long memory) => new PlacementRequestDecision
    {
        InstanceId = $"{workload}-{replica}",
        WorkloadId = workload,
        Namespace = "default",
        Replica = replica,
        Resources = new ResourceVector(cpu, memory, GiB, 0),
    }.ToDecision();

    /// <summary>0–4 nodes of random size (none: nothing can be placed).</summary>
    private static List<Decision> RandomInventories(Random random) =>
        Enumerable.Range(1, random.Next(5)).Select(i => Inventory($"node-{i}", random.Next(1, 9) * 500, random.Next(1, 9) * GiB / 2)).ToList();

    /// <summary>1–80 requests, a random share of them too large for any node (so some windows hold nothing placeable).</summary>
    private static List<Decision> RandomRequests(Random random, string workload)
    {
        var tooLarge = random.NextDouble();
        return Enumerable.Range(0, random.Next(1, 81))
            .Select(i => random.NextDouble() < tooLarge ? Request(workload, i, 64_000, GiB) : Request(workload, i, random.Next(1, 9) * 250, random.Next(1, 5) * GiB / 4))
            .ToList();
    }
}
