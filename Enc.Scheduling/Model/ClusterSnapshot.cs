namespace Enc.Scheduling.Model;

/// <summary>
/// An immutable view of committed cluster state; the only input of a scheduling run besides the queue.
/// </summary>
/// <remarks>
/// Determinism rule: the same snapshot and the same queue always produce the same placements,
/// whatever the order of <see cref="Nodes"/> and <see cref="Instances"/> (both are sorted by id
/// inside the scheduler).
/// </remarks>
public sealed record ClusterSnapshot
{
    /// <summary>All nodes.</summary>
    public required IReadOnlyList<NodeInfo> Nodes { get; init; }

    /// <summary>All placed instances.</summary>
    public IReadOnlyList<RunningInstance> Instances { get; init; } = [];

    /// <summary>Inter-node latencies.</summary>
    public LatencyMatrix Latency { get; init; } = LatencyMatrix.Empty;

    /// <summary>Round-robin cursor: the node ordinal the next round-robin placement starts from.</summary>
    public long RoundRobinCursor { get; init; }
}
