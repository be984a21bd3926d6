using Enc.Grains.Interfaces.Consensus;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Scheduling;
using Enc.Grains.Workloads;

namespace Enc.Grains.Consensus.Scheduling;

/// <summary>
/// The workload grain's ConsensusDriven path: instead of placing Pending instances itself, it hands
/// them to consensus as placement requests; each stays Pending (with <see cref="AwaitingConsensus"/>)
/// until a committed block places it and the round grain binds it (<see cref="ConsensusPlacementBinder"/>).
/// </summary>
public static class ConsensusPlacementRequests
{
    /// <summary>The Pending reason while consensus decides.</summary>
    public const string AwaitingConsensus = "awaiting a committed consensus placement (ConsensusDriven)";

    /// <summary>True when <paramref name="spec"/> asks for ConsensusDriven scheduling.</summary>
    public static bool Applies(WorkloadSpec spec) =>
        string.Equals(spec.Scheduling.Algorithm, SchedulingAlgorithmNames.ConsensusDriven, StringComparison.Ordinal);

    /// <summary>The placement request of one instance (scheduling inputs mapped like the direct path).</summary>
    public static PlacementRequestDecision For(WorkloadSpec spec, WorkloadInstance instance)
    {
        var request = SchedulingModelMapper.ToRequest(spec, submissionSequence: 0);
        return new PlacementRequestDecision
        {
            InstanceId = instance.InstanceId,
            WorkloadId = spec.Id,
            Namespace = spec.Namespace,
            Replica = instance.Ordinal,
            Resources = request.Resources,
            Priority = request.Priority,
            NodeSelector = request.NodeSelector,
            Labels = request.Labels,
            Tolerations = request.Tolerations,
        };
    }

    /// <summary>Submits every Pending instance of the workload to consensus (validators' pools deduplicate).</summary>
    public static async Task SubmitAsync(IGrainFactory grains, WorkloadPlanner planner, WorkloadSpec spec)
    {
        var pending = planner.Pending();
        if (pending.Count == 0)
        {
            return;
        }

        var decisions = pending.Select(i => For(spec, i).ToDecision())
            .Select(d => new ConsensusDecisionData { Type = d.Type, Payload = d.Payload.ToArray() })
            .ToList();
        await grains.GetGrain<IConsensusRegistryGrain>(IConsensusRegistryGrain.DefaultKey).SubmitAsync(decisions);
        foreach (var instance in pending)
        {
            planner.Unschedulable(instance.InstanceId, AwaitingConsensus);
        }
    }
}
