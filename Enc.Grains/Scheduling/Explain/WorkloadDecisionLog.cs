using Enc.Grains.Interfaces.Scheduling;

namespace Enc.Grains.Scheduling;

/// <summary>The bounded log of a workload's scheduling decisions over a <see cref="WorkloadDecisionsRecord"/>.</summary>
public sealed class WorkloadDecisionLog(WorkloadDecisionsRecord record)
{
    /// <summary>Decisions kept per workload; older ones are dropped first.</summary>
    public const int MaxDecisions = 10;

    /// <summary>Decisions, oldest first.</summary>
    public IReadOnlyList<SchedulingExplanation> Decisions => record.Decisions;

    /// <summary>The most recent decision, or null.</summary>
    public SchedulingExplanation? Last => record.Decisions.Count == 0 ? null : record.Decisions[^1];

    /// <summary>
    /// Appends <paramref name="decisions"/>, dropping the oldest beyond <see cref="MaxDecisions"/>. A Pending
    /// decision identical in outcome and message to the last one for the same instance replaces it, so a
    /// workload that keeps retrying does not push out the history. Returns true when the log changed.
    /// </summary>
    public bool Add(IEnumerable<SchedulingExplanation> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var changed = false;
        foreach (var decision in decisions)
        {
            if (Last is { } last && last.InstanceId == decision.InstanceId && last.Outcome == ExplanationOutcome.Pending
                && decision.Outcome == ExplanationOutcome.Pending && last.Message == decision.Message)
            {
                record.Decisions[^1] = decision;
            }
            else
            {
                record.Decisions.Add(decision);
            }

            changed = true;
        }

        if (record.Decisions.Count > MaxDecisions)
        {
            record.Decisions.RemoveRange(0, record.Decisions.Count - MaxDecisions);
        }

        return changed;
    }

    /// <summary>Forgets every decision (the workload was deleted).</summary>
    public void Clear() => record.Decisions.Clear();
}
