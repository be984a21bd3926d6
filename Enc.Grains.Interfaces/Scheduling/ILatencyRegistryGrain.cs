using Orleans.Concurrency;

namespace Enc.Grains.Interfaces.Scheduling;

/// <summary>
/// Measured node-to-node round trips (singleton, key <see cref="DefaultKey"/>): each agent reports its
/// latest measurements; the scheduler reads them into its latency matrix.
/// </summary>
[Alias("Enc.Scheduling.ILatencyRegistryGrain")]
public interface ILatencyRegistryGrain : IGrainWithStringKey
{
    /// <summary>The singleton's key.</summary>
    const string DefaultKey = "cluster";

    /// <summary>Replaces the measurements taken by <paramref name="fromNode"/>.</summary>
    [Alias("Report")]
    Task ReportAsync(string fromNode, IReadOnlyList<NodeLatency> samples);

    /// <summary>Every current measurement, sorted by (from, to).</summary>
    [Alias("List")]
    [ReadOnly]
    Task<IReadOnlyList<NodeLatency>> ListAsync();
}
