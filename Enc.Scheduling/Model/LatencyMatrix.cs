namespace Enc.Scheduling.Model;

/// <summary>
/// Measured round-trip latencies between nodes, with zone-pair fallbacks for pairs no agent measured.
/// </summary>
/// <remarks>
/// Agents report node-to-node round trips; at thousands of nodes a full matrix is large, so the
/// snapshot may also carry zone-to-zone medians. Lookup order: same node (0), node pair, zone pair,
/// unknown. Keys are unordered pairs (latency is taken as symmetric).
/// </remarks>
public sealed record LatencyMatrix
{
    /// <summary>An empty matrix.</summary>
    public static LatencyMatrix Empty { get; } = new();

    /// <summary>Node-pair round trips in microseconds.</summary>
    public IReadOnlyList<LatencySample> NodePairs { get; init; } = [];

    /// <summary>Zone-pair round trips in microseconds (the same zone may appear paired with itself).</summary>
    public IReadOnlyList<LatencySample> ZonePairs { get; init; } = [];
}
