namespace Enc.Scheduling.Plugins;

/// <summary>
/// Scores nodes toward low round-trip latency to the nodes running the workloads a request
/// communicates with (<see cref="SchedulingRequest.CommunicatesWith"/>): raw score is the mean RTT
/// to those peers, min-max normalized so the lowest mean gets 100.
/// </summary>
/// <remarks>
/// At most <see cref="MaxPeerNodes"/> distinct peer nodes are considered (the first by instance order,
/// which is deterministic) to bound the cost per candidate. Pairs with no measurement count as
/// <see cref="UnknownLatencyMicroseconds"/>, so measured-near nodes win over unmeasured ones.
/// </remarks>
public sealed class TopologyLatencyPlugin : IScorePlugin
{
    /// <summary>Plugin name.</summary>
    public const string PluginName = PluginNames.TopologyLatency;

    /// <summary>Upper bound of distinct peer nodes per cycle.</summary>
    public const int MaxPeerNodes = 32;

    /// <summary>Round trip assumed for unmeasured pairs: one second.</summary>
    public const long UnknownLatencyMicroseconds = 1_000_000;

    // Per-cycle state written in PreScore: distinct peer node ordinals.
    private readonly int[] _peers = new int[MaxPeerNodes];
    private int _peerCount;

    /// <inheritdoc/>
    public string Name => PluginName;

    /// <inheritdoc/>
    public ClusterEventKinds RequeueOn => ClusterEventKinds.None;

    /// <inheritdoc/>
    public bool PreScore(SchedulingCycle cycle, ReadOnlySpan<int> candidates)
    {
        _peerCount = 0;
        var state = cycle.State;
        if (cycle.Request.CommunicatesWith.Count == 0 || state.Latency.IsEmpty)
        {
            return false;
        }

        foreach (var workloadId in cycle.Request.CommunicatesWith)
        {
            var placements = state.Workload(workloadId);
            if (placements is null)
            {
                continue;
            }

            foreach (var ordinal in placements.Instances)
            {
                var record = state.Instances[ordinal];
                if (record.Alive && _peerCount < MaxPeerNodes && Array.IndexOf(_peers, record.Node, 0, _peerCount) < 0)
                {
                    _peers[_peerCount++] = record.Node;
                }
            }
        }

        return _peerCount > 0;
    }

    /// <inheritdoc/>
    public int Score(SchedulingCycle cycle, int node)
    {
        long total = 0;
        for (var p = 0; p < _peerCount; p++)
        {
            total += cycle.State.Latency.TryGet(node, _peers[p], out var rtt) ? rtt : UnknownLatencyMicroseconds;
        }

        return (int)Math.Min(int.MaxValue, total / _peerCount);
    }

    /// <inheritdoc/>
    public void Normalize(SchedulingCycle cycle, Span<int> scores) => ScoreNormalization.MinMax(scores, lowerIsBetter: true);
}
