namespace Enc.Scheduling.State;

/// <summary>Round-trip lookups by node ordinal: same node, then node pair, then zone pair.</summary>
public sealed class LatencyIndex
{
    private readonly Dictionary<long, long> _nodePairs = [];
    private readonly long[] _zonePairs;
    private readonly int _zoneCount;
    private readonly int[] _zoneOf;

    internal LatencyIndex(LatencyMatrix matrix, IReadOnlyDictionary<string, int> nodeIndex, IReadOnlyDictionary<string, int> zoneIndex, int[] zoneOf)
    {
        _zoneOf = zoneOf;
        _zoneCount = zoneIndex.Count;

        // Zones are few: a dense matrix (-1 = unknown) turns the fallback into an array read.
        _zonePairs = new long[_zoneCount * _zoneCount];
        Array.Fill(_zonePairs, -1L);
        foreach (var sample in matrix.NodePairs)
        {
            if (nodeIndex.TryGetValue(sample.From, out var a) && nodeIndex.TryGetValue(sample.To, out var b))
            {
                _nodePairs[PairKey(a, b)] = sample.RoundTripMicroseconds;
            }
        }

        foreach (var sample in matrix.ZonePairs)
        {
            if (zoneIndex.TryGetValue(sample.From, out var a) && zoneIndex.TryGetValue(sample.To, out var b))
            {
                _zonePairs[(a * _zoneCount) + b] = sample.RoundTripMicroseconds;
                _zonePairs[(b * _zoneCount) + a] = sample.RoundTripMicroseconds;
                HasZonePairs = true;
            }
        }
    }

    /// <summary>True when no latency is known at all.</summary>
    public bool IsEmpty => _nodePairs.Count == 0 && !HasZonePairs;

    private bool HasZonePairs { get; }

    /// <summary>Round trip between two node ordinals in microseconds; false when unknown.</summary>
    public bool TryGet(int a, int b, out long roundTripMicroseconds)
    {
        if (a == b)
        {
            roundTripMicroseconds = 0;
            return true;
        }

        if (_nodePairs.Count > 0 && _nodePairs.TryGetValue(PairKey(a, b), out roundTripMicroseconds))
        {
            return true;
        }

        var za = _zoneOf[a];
        var zb = _zoneOf[b];
        roundTripMicroseconds = za >= 0 && zb >= 0 ? _zonePairs[(za * _zoneCount) + zb] : -1;
        if (roundTripMicroseconds >= 0)
        {
            return true;
        }

        roundTripMicroseconds = 0;
        return false;
    }

    private static long PairKey(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
}
