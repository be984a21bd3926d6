using Enc.Scheduling.Preemption;

namespace Enc.Scheduling.Framework;

/// <summary>The result of the filter/score/select part of one cycle, before binding.</summary>
internal readonly struct CyclePlan
{
    /// <summary>Chosen node ordinal, or -1.</summary>
    public int Node { get; init; }

    /// <summary>Index of the chosen node among the candidates (-1 for preemption or none).</summary>
    public int CandidateIndex { get; init; }

    /// <summary>Number of candidates (feasible nodes found).</summary>
    public int CandidateCount { get; init; }

    /// <summary>Nodes the scan visited.</summary>
    public int Evaluated { get; init; }

    /// <summary>The pre-filter that rejected the whole request, or empty.</summary>
    public string PreFilterPlugin { get; init; }

    /// <summary>Its status.</summary>
    public FilterStatus PreFilterStatus { get; init; }

    /// <summary>Preemption chosen because nothing fit, or null.</summary>
    public PreemptionPlan? Preemption { get; init; }

    /// <summary>Ids of the preemption victims (empty without preemption).</summary>
    public IReadOnlyList<string> VictimIds(SchedulerState state)
    {
        if (Preemption is null)
        {
            return [];
        }

        var ids = new string[Preemption.Victims.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = state.Instances[Preemption.Victims[i]].Instance.Id;
        }

        return ids;
    }
}
