using Enc.Grains.Interfaces.Scheduling;

namespace Enc.Grains.Workloads.Placement;

/// <summary>A placement policy's answer.</summary>
/// <param name="Candidates">Feasible node names, best first.</param>
/// <param name="Rejections">Why each infeasible node was rejected, by node name.</param>
public sealed record PlacementRanking(IReadOnlyList<string> Candidates, IReadOnlyDictionary<string, string> Rejections)
{
    /// <summary>Instances to evict from the first candidate before the instance fits there (preemption); empty otherwise.</summary>
    public IReadOnlyList<InstanceEviction> Evictions { get; init; } = [];

    /// <summary>The decision in full, for <c>enc explain</c>; null for policies that do not explain.</summary>
    public SchedulingExplanation? Explanation { get; init; }

    /// <summary>Cluster changes after which a Pending instance is worth retrying (<see cref="ClusterChangeKinds.None"/> = any).</summary>
    public ClusterChangeKinds WakeOn { get; init; }

    /// <summary>One line for an Unschedulable event: the scheduler's message, or "no node fits: a: not Ready; b: insufficient memory".</summary>
    public string Explain() =>
        Explanation is { Message.Length: > 0 } e ? e.Message
        : Rejections.Count == 0
            ? "no Ready nodes"
            : "no node fits: " + string.Join("; ", Rejections.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}: {r.Value}"));
}
