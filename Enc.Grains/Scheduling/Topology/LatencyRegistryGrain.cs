using Enc.Grains.Hosting;
using Enc.Grains.Interfaces.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Scheduling;

/// <summary>
/// The cluster's latency measurements (<see cref="ILatencyRegistryGrain"/>) over a <see cref="LatencyTable"/>.
/// In memory: agents report again every interval, so a lost activation refills within one interval.
/// </summary>
public sealed class LatencyRegistryGrain(IOptions<EncTopologyOptions> options, [FromKeyedServices(EncTimeProviderNames.Nodes)] TimeProvider time)
    : Grain, ILatencyRegistryGrain
{
    private readonly LatencyTable _table = new(options.Value.LatencyProbeInterval * 3);

    Task ILatencyRegistryGrain.ReportAsync(string fromNode, IReadOnlyList<NodeLatency> samples)
    {
        _table.Report(fromNode, samples);
        return Task.CompletedTask;
    }

    Task<IReadOnlyList<NodeLatency>> ILatencyRegistryGrain.ListAsync() => Task.FromResult(_table.Current(time.GetUtcNow()));
}
