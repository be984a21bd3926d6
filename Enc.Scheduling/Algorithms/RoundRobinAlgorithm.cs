namespace Enc.Scheduling.Algorithms;

/// <summary>
/// The first feasible node at or after the cluster's round-robin cursor (in node-id order); the cursor
/// then moves past the chosen node. The cursor is part of the snapshot, so validators agree on it.
/// </summary>
public sealed class RoundRobinAlgorithm : ISchedulingAlgorithm
{
    /// <inheritdoc/>
    public string Name => SchedulingAlgorithmNames.RoundRobin;

    /// <inheritdoc/>
    public bool UsesScores => false;

    /// <inheritdoc/>
    public long ScanStart(SchedulingCycle cycle) => cycle.State.RoundRobinCursor;

    /// <inheritdoc/>
    public int FeasibleNodesToFind(SchedulingCycle cycle, int defaultLimit) => 1;

    /// <inheritdoc/>
    public int Select(SchedulingCycle cycle, ReadOnlySpan<int> candidates, ReadOnlySpan<long> totals) => 0;

    /// <inheritdoc/>
    public void OnPlaced(SchedulingCycle cycle, int node) => cycle.State.RoundRobinCursor = node + 1L;
}
