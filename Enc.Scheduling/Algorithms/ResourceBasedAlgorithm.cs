namespace Enc.Scheduling.Algorithms;

/// <summary>
/// Highest weighted score wins (binpack or spread over the four resources plus preferences); ties go
/// to the highest <c>hash(node id, workload id)</c>, never to scan or dictionary order.
/// </summary>
/// <remarks>
/// The scan starts at <c>hash(workload id, replica) mod nodes</c>: a deterministic stand-in for
/// Nomad's shuffle seeded by the evaluation id, so sampled candidate sets differ per workload (no herd
/// on the first nodes) yet every validator samples the same ones.
/// </remarks>
public sealed class ResourceBasedAlgorithm : ISchedulingAlgorithm
{
    /// <inheritdoc/>
    public string Name => SchedulingAlgorithmNames.ResourceBased;

    /// <inheritdoc/>
    public bool UsesScores => true;

    /// <inheritdoc/>
    public long ScanStart(SchedulingCycle cycle) => (long)(cycle.PlacementHash % (ulong)Math.Max(1, cycle.State.NodeCount));

    /// <inheritdoc/>
    public int FeasibleNodesToFind(SchedulingCycle cycle, int defaultLimit) => defaultLimit;

    /// <inheritdoc/>
    public int Select(SchedulingCycle cycle, ReadOnlySpan<int> candidates, ReadOnlySpan<long> totals) =>
        SelectHighest(cycle, candidates, totals);

    /// <inheritdoc/>
    public void OnPlaced(SchedulingCycle cycle, int node)
    {
        // Stateless between placements.
    }

    /// <summary>Index of the highest total, ties broken by the higher stable hash of (node id, workload id).</summary>
    public static int SelectHighest(SchedulingCycle cycle, ReadOnlySpan<int> candidates, ReadOnlySpan<long> totals)
    {
        var best = 0;
        var bestTie = TieBreak(cycle, candidates[0]);
        for (var i = 1; i < candidates.Length; i++)
        {
            if (totals[i] < totals[best])
            {
                continue;
            }

            var tie = TieBreak(cycle, candidates[i]);
            if (totals[i] > totals[best] || tie > bestTie)
            {
                best = i;
                bestTie = tie;
            }
        }

        return best;
    }

    /// <summary>The stable tie-break key of <paramref name="node"/> for the cycle's workload.</summary>
    public static ulong TieBreak(SchedulingCycle cycle, int node) => StableHash.Combine(cycle.State.NodeHashes[node], cycle.WorkloadHash);
}
