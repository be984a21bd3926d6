using Enc.Grains.Interfaces.Nodes;

namespace Enc.Client.Cluster;

/// <summary>Cluster-wide queries.</summary>
public sealed class ClusterOperations
{
    private readonly IGrainFactory _grains;
    private readonly EncClientOptions _options;

    internal ClusterOperations(IGrainFactory grains, EncClientOptions options)
    {
        _grains = grains;
        _options = options;
    }

    /// <summary>Silos in the membership and node counts per status.</summary>
    public async Task<ClusterStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var hosts = await _grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false).WaitAsync(cancellationToken);
        var nodes = await _grains.GetGrain<INodeRegistryGrain>(INodeRegistryGrain.DefaultKey).ListAsync().WaitAsync(cancellationToken);
        var silos = hosts
            .Select(h => new SiloInfo(
                h.SiloName,
                h.SiloAddress.Endpoint.ToString(),
                h.Status.ToString(),
                h.HostName,
                new DateTimeOffset(DateTime.SpecifyKind(h.StartTime, DateTimeKind.Utc)),
                new DateTimeOffset(DateTime.SpecifyKind(h.IAmAliveTime, DateTimeKind.Utc))))
            .OrderBy(s => s.Status == "Active" ? 0 : 1)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ThenByDescending(s => s.StartedAt)
            .ToArray();
        var counts = nodes.GroupBy(n => n.Status).ToDictionary(g => g.Key, g => g.Count());
        return new ClusterStatus(_options.ClusterId, _options.ServiceId, silos, counts);
    }
}
