using Enc.Consensus.Blocks;
using Enc.Grains.Interfaces.Consensus;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads;
using Enc.Grains.Workloads.Placement;

namespace Enc.Grains.Consensus.Scheduling;

/// <summary>
/// Binds ConsensusDriven placements only after commit: the round grain hands each committed
/// placement to its workload grain, which reserves on the chosen node (atomic reserve-if-fits) and
/// marks the instance Scheduled; the Scheduled event, and so its receipt, names the block and carries
/// its certificate.
/// </summary>
public sealed class ConsensusPlacementBinder : IConsensusCommitHandler
{
    /// <inheritdoc />
    public async Task OnCommittedAsync(IGrainFactory grains, ConsensusBlock block, ConsensusBlockRecord record)
    {
        foreach (var decision in block.Decisions.Where(d => d.Type == DecisionTypes.Placement))
        {
            var placement = PlacementDecision.FromDecision(decision);
            await grains.GetGrain<IWorkloadGrain>(placement.Request.WorkloadId).BindConsensusPlacementAsync(new ConsensusPlacementBinding
            {
                InstanceId = placement.Request.InstanceId,
                NodeName = placement.Node,
                Height = block.Height,
                BlockHash = record.BlockHash,
                Certificate = Convert.ToHexStringLower(record.Certificate.Encoded),
            });
        }
    }

    /// <inheritdoc />
    public Task OnEvidenceAsync(IGrainFactory grains, long height, byte[] encodedEvidence) => Task.CompletedTask;

    /// <summary>The workload grain's side: reserve and assign on the committed node; false when the node no longer takes it.</summary>
    public static async Task<bool> BindAsync(IPlacementCluster cluster, WorkloadPlanner planner, WorkloadSpec spec, ConsensusPlacementBinding binding)
    {
        var instance = planner.Pending().FirstOrDefault(i => i.InstanceId == binding.InstanceId);
        if (instance is null)
        {
            return false; // stopped, replaced or bound already
        }

        var node = binding.NodeName;
        if (!await cluster.TryReserveAsync(node, spec.Id, instance.InstanceId, ResourceFitPlacementPolicy.Request(spec.Resources), []))
        {
            planner.Unschedulable(instance.InstanceId, $"consensus block {binding.Height} placed it on {node}, which no longer has room");
            return false;
        }

        var ports = await cluster.AssignAsync(node, new AssignedInstance { InstanceId = instance.InstanceId, Spec = spec, SpecVersion = instance.SpecVersion });
        if (ports is null)
        {
            await cluster.ReleaseAsync(node, instance.InstanceId);
            planner.Unschedulable(instance.InstanceId, $"consensus block {binding.Height} placed it on {node}, which has no free host port");
            return false;
        }

        planner.Scheduled(instance.InstanceId, node, ports, $"on {node} by consensus block {binding.Height} {binding.BlockHash} (certificate {binding.Certificate})");
        return true;
    }
}
