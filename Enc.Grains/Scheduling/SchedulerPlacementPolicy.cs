using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads.Placement;
using Enc.Scheduling;
using Enc.Scheduling.Explain;
using Enc.Scheduling.Options;
using Enc.Scheduling.Validation;

namespace Enc.Grains.Scheduling;

/// <summary>
/// The workload placement policy backed by ENC's scheduler pipeline (<c>Enc.Scheduling</c>): filters,
/// scores and selects over the registry's node snapshots, and returns the chosen node first, then the
/// other scored candidates by score, then feasible nodes outside the sample; the workload grain reserves
/// on the first that still accepts (the node grain's atomic reserve-if-fits is the binding step).
/// </summary>
public sealed class SchedulerPlacementPolicy(SchedulerOptions options) : IWorkloadPlacementPolicy
{
    /// <summary>The policy name.</summary>
    public const string PolicyName = "EncScheduler";

    /// <inheritdoc />
    public string Name => PolicyName;

    /// <inheritdoc />
    public PlacementRanking Rank(WorkloadSpec spec, IReadOnlyList<NodeSnapshot> nodes)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(nodes);
        var request = SchedulingModelMapper.ToRequest(spec, submissionSequence: 0);
        SchedulingDecision decision;
        try
        {
            decision = new SchedulingPipeline(SchedulingModelMapper.ToClusterSnapshot(nodes), options).Schedule(request, 0, ExplainLevel.Nodes);
        }
        catch (SchedulingValidationException e)
        {
            return new PlacementRanking([], nodes.ToDictionary(n => n.Name, _ => "invalid scheduling request: " + e.Message, StringComparer.Ordinal));
        }

        var selected = decision.Nodes.Where(n => n.Kind == NodeVerdictKind.Selected).Select(n => n.NodeId);
        var scored = decision.Nodes.Where(n => n.Kind == NodeVerdictKind.Scored)
            .OrderByDescending(n => n.FinalScore).ThenBy(n => n.NodeId, StringComparer.Ordinal).Select(n => n.NodeId);
        var unsampled = decision.Nodes.Where(n => n.Kind == NodeVerdictKind.NotSampled).Select(n => n.NodeId);
        var rejections = decision.Nodes.Where(n => n.Kind == NodeVerdictKind.Rejected)
            .ToDictionary(n => n.NodeId, n => $"{n.Plugin}: {n.Reason}", StringComparer.Ordinal);
        return new PlacementRanking(selected.Concat(scored).Concat(unsampled).ToList(), rejections);
    }
}
