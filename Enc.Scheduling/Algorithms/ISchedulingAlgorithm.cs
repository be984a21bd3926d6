namespace Enc.Scheduling.Algorithms;

/// <summary>
/// A placement algorithm: decides where the deterministic node scan starts, how many feasible nodes
/// it collects, whether scorers run, and which candidate wins. Filters, preemption and binding are the
/// pipeline's and the same for every algorithm.
/// </summary>
/// <remarks>
/// Called by <see cref="SchedulingPipeline"/> once per cycle, in the order ScanStart,
/// FeasibleNodesToFind, (scoring when <see cref="UsesScores"/>), Select, and OnPlaced after a
/// successful bind. Implementations must be deterministic functions of the cycle and state: no
/// clocks, no randomness, no dictionary enumeration order.
/// </remarks>
public interface ISchedulingAlgorithm
{
    /// <summary>The algorithm name (see <see cref="SchedulingAlgorithmNames"/>).</summary>
    string Name { get; }

    /// <summary>Whether score plugins run for this algorithm.</summary>
    bool UsesScores { get; }

    /// <summary>Node ordinal where the scan starts (taken modulo the node count).</summary>
    long ScanStart(SchedulingCycle cycle);

    /// <summary>How many feasible nodes the scan collects before it stops; <paramref name="defaultLimit"/> comes from the options.</summary>
    int FeasibleNodesToFind(SchedulingCycle cycle, int defaultLimit);

    /// <summary>Index into <paramref name="candidates"/> of the chosen node; <paramref name="totals"/> holds weighted scores (zeros when scores are not used).</summary>
    int Select(SchedulingCycle cycle, ReadOnlySpan<int> candidates, ReadOnlySpan<long> totals);

    /// <summary>Called after the placement on <paramref name="node"/> was bound.</summary>
    void OnPlaced(SchedulingCycle cycle, int node);
}
