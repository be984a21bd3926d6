using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads.Placement;
using Enc.Scheduling;
using Enc.Scheduling.Explain;
using Enc.Scheduling.Options;
using Enc.Scheduling.Validation;
using SchedulingVerdict = Enc.Scheduling.Explain.NodeVerdictKind;

namespace Enc.Grains.Scheduling;

/// <summary>
/// The workload placement policy backed by ENC's scheduler pipeline (<c>Enc.Scheduling</c>): filters,
/// scores and selects over the cluster view (nodes with taints, placed instances, latencies), and returns
/// the chosen node first, then the other scored candidates by score, then feasible nodes outside the
/// sample; the workload grain reserves on the first that still accepts (the node grain's atomic
/// reserve-if-fits is the binding step). When only preemption makes room, the ranking carries the
/// minimal victim set for the chosen node. Every ranking carries the full decision for <c>enc explain</c>.
/// </summary>
public sealed class SchedulerPlacementPolicy(SchedulerOptions options, TimeProvider? time = null) : IWorkloadPlacementPolicy
{
    /// <summary>The policy name.</summary>
    public const string PolicyName = "EncScheduler";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public string Name => PolicyName;

    /// <inheritdoc />
    public PlacementRanking Rank(WorkloadSpec spec, WorkloadInstance instance, ClusterView cluster)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(cluster);
        var request = SchedulingModelMapper.ToRequest(spec, submissionSequence: 0, firstReplica: instance.Ordinal);
        SchedulingDecision decision;
        try
        {
            decision = new SchedulingPipeline(SchedulingModelMapper.ToClusterSnapshot(cluster), options).Schedule(request, instance.Ordinal, ExplainLevel.Nodes);
        }
        catch (SchedulingValidationException e)
        {
            return new PlacementRanking([], cluster.Nodes.ToDictionary(n => n.Name, _ => "invalid scheduling request: " + e.Message, StringComparer.Ordinal));
        }

        var selected = decision.Nodes.Where(n => n.Kind == SchedulingVerdict.Selected).Select(n => n.NodeId);
        var scored = decision.Nodes.Where(n => n.Kind == SchedulingVerdict.Scored)
            .OrderByDescending(n => n.FinalScore).ThenBy(n => n.NodeId, StringComparer.Ordinal).Select(n => n.NodeId);
        var unsampled = decision.Nodes.Where(n => n.Kind == SchedulingVerdict.NotSampled).Select(n => n.NodeId);
        var rejections = decision.Nodes.Where(n => n.Kind == SchedulingVerdict.Rejected)
            .ToDictionary(n => n.NodeId, n => $"{n.Plugin}: {n.Reason}", StringComparer.Ordinal);
        var candidates = selected.Concat(scored).Concat(unsampled).ToList();
        if (decision.Outcome == SchedulingOutcome.Placed && candidates.Count == 0)
        {
            candidates.Add(decision.NodeId); // placed by preemption: every node was rejected before the victims were taken off
        }

        var explanation = SchedulingExplanationMapper.ToExplanation(decision, instance.InstanceId, spec.Scheduling.Priority, _time.GetUtcNow());
        return new PlacementRanking(candidates, rejections)
        {
            Evictions = explanation.Evictions,
            Explanation = explanation,
            WakeOn = (ClusterChangeKinds)(int)decision.RequeueOn,
        };
    }
}
