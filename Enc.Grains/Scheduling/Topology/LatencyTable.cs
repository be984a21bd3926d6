using Enc.Grains.Interfaces.Scheduling;

namespace Enc.Grains.Scheduling;

/// <summary>
/// The latest round trip per (from, to) node pair. A report replaces everything its node measured before,
/// so pairs to nodes that left disappear at the next report; samples older than the maximum age are dropped.
/// </summary>
public sealed class LatencyTable(TimeSpan maxAge)
{
    private readonly Dictionary<string, IReadOnlyList<NodeLatency>> _byNode = new(StringComparer.Ordinal);

    /// <summary>Replaces <paramref name="fromNode"/>'s measurements; samples naming another source or itself are refused.</summary>
    public void Report(string fromNode, IReadOnlyList<NodeLatency> samples)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fromNode);
        ArgumentNullException.ThrowIfNull(samples);
        foreach (var sample in samples)
        {
            if (sample.FromNode != fromNode || sample.ToNode == fromNode || sample.RoundTripMicroseconds < 0)
            {
                throw new ArgumentException($"samples: '{sample.FromNode}'→'{sample.ToNode}' ({sample.RoundTripMicroseconds} µs) is not a measurement by node '{fromNode}' to another node", nameof(samples));
            }
        }

        _byNode[fromNode] = samples.ToList();
    }

    /// <summary>Current samples (not older than the maximum age at <paramref name="now"/>), sorted by (from, to).</summary>
    public IReadOnlyList<NodeLatency> Current(DateTimeOffset now) =>
        _byNode.Values.SelectMany(s => s).Where(s => now - s.MeasuredAt <= maxAge)
            .OrderBy(s => s.FromNode, StringComparer.Ordinal).ThenBy(s => s.ToNode, StringComparer.Ordinal).ToList();
}
