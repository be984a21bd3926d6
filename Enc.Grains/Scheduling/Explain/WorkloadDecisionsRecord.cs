using Enc.Grains.Interfaces.Scheduling;

namespace Enc.Grains.Scheduling;

/// <summary>Persisted scheduling decisions of one workload (kept apart from the workload's own state: they are larger and change more often).</summary>
[GenerateSerializer]
[Alias("Enc.Scheduling.WorkloadDecisionsRecord")]
public sealed class WorkloadDecisionsRecord
{
    /// <summary>Most recent decisions, oldest first (bounded by <see cref="WorkloadDecisionLog.MaxDecisions"/>).</summary>
    [Id(0)] public List<SchedulingExplanation> Decisions { get; set; } = [];
}
