namespace Enc.Grains.Workloads.Placement;

/// <summary>A placement policy's answer.</summary>
/// <param name="Candidates">Feasible node names, best first.</param>
/// <param name="Rejections">Why each infeasible node was rejected, by node name.</param>
public sealed record PlacementRanking(IReadOnlyList<string> Candidates, IReadOnlyDictionary<string, string> Rejections)
{
    /// <summary>One line for an Unschedulable event: "no node fits: a: not Ready; b: insufficient memory".</summary>
    public string Explain() =>
        Rejections.Count == 0
            ? "no Ready nodes"
            : "no node fits: " + string.Join("; ", Rejections.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}: {r.Value}"));
}
