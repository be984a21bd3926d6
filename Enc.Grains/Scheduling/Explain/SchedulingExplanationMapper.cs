using Enc.Grains.Interfaces.Scheduling;
using Enc.Scheduling.Explain;
using SchedulingVerdict = Enc.Scheduling.Explain.NodeVerdictKind;

namespace Enc.Grains.Scheduling;

/// <summary>Turns the scheduler's <see cref="SchedulingDecision"/> into the wire form kept for <c>enc explain</c>.</summary>
public static class SchedulingExplanationMapper
{
    /// <summary>The explanation of <paramref name="decision"/> for instance <paramref name="instanceId"/>.</summary>
    public static SchedulingExplanation ToExplanation(SchedulingDecision decision, string instanceId, int priority, DateTimeOffset decidedAt)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new SchedulingExplanation
        {
            WorkloadId = decision.WorkloadId,
            InstanceId = instanceId,
            Replica = decision.ReplicaIndex,
            DecidedAt = decidedAt,
            Outcome = decision.Outcome == SchedulingOutcome.Placed ? ExplanationOutcome.Placed : ExplanationOutcome.Pending,
            Algorithm = decision.Algorithm,
            ResourceStrategy = decision.ResourceStrategy,
            NodeName = decision.NodeId,
            FinalScore = decision.FinalScore,
            Message = decision.Message,
            Priority = priority,
            TotalNodes = decision.TotalNodes,
            FeasibleNodes = decision.FeasibleNodes,
            Evictions = decision.Evictions.Select(e => ToEviction(e, decision.WorkloadId, priority)).ToList(),
            Nodes = decision.Nodes.OrderBy(n => n.NodeId, StringComparer.Ordinal).Select(n => new NodeExplanation
            {
                NodeName = n.NodeId,
                Verdict = n.Kind switch
                {
                    SchedulingVerdict.Rejected => Interfaces.Scheduling.NodeVerdictKind.Rejected,
                    SchedulingVerdict.Scored => Interfaces.Scheduling.NodeVerdictKind.Scored,
                    SchedulingVerdict.NotSampled => Interfaces.Scheduling.NodeVerdictKind.NotSampled,
                    SchedulingVerdict.Selected => Interfaces.Scheduling.NodeVerdictKind.Selected,
                    _ => Interfaces.Scheduling.NodeVerdictKind.Invalid,
                },
                Filter = n.Plugin,
                Reason = n.Reason,
                Scores = n.Scores.Select(s => new PluginScoreEntry { Plugin = s.Plugin, Score = s.Score, Weight = s.Weight }).ToList(),
                Total = n.FinalScore,
            }).ToList(),
        };
    }

    /// <summary>A preemption victim chosen by the scheduler, as an eviction to execute.</summary>
    public static InstanceEviction ToEviction(Eviction eviction, string preemptorWorkloadId, int preemptorPriority)
    {
        ArgumentNullException.ThrowIfNull(eviction);
        return new InstanceEviction
        {
            InstanceId = eviction.InstanceId,
            WorkloadId = eviction.WorkloadId,
            NodeName = eviction.NodeId,
            Priority = eviction.Priority,
            Cause = EvictionCause.Preemption,
            Reason = $"preempted by {preemptorWorkloadId} (priority {preemptorPriority})",
            PreemptorWorkloadId = preemptorWorkloadId,
        };
    }
}
