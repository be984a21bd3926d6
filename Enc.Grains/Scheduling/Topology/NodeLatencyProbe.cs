using System.Diagnostics;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Scheduling;

/// <summary>
/// The agent's topology probe: every <see cref="EncTopologyOptions.LatencyProbeInterval"/> it times a call to
/// each other Ready node's <see cref="INodePingGrain"/> (a round trip over the cluster's own silo-to-silo
/// channel) and reports the results to <see cref="ILatencyRegistryGrain"/>, where the scheduler reads them.
/// </summary>
public sealed partial class NodeLatencyProbe(IGrainFactory grains, ILocalSiloDetails silo, IOptions<EncTopologyOptions> options, ILogger<NodeLatencyProbe> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>Completed measurement rounds.</summary>
    public long Rounds { get; private set; }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(NodeLatencyProbe), ServiceLifecycleStage.Active, _ =>
        {
            _loop = Task.Run(LoopAsync, CancellationToken.None);
            return Task.CompletedTask;
        }, async _ =>
        {
            await _stopping.CancelAsync();
            await _loop;
        });

    /// <summary>Measures every other Ready node once and reports; returns the samples.</summary>
    public async Task<IReadOnlyList<NodeLatency>> MeasureOnceAsync()
    {
        var self = silo.Name;
        var nodes = await grains.GetGrain<INodeRegistryGrain>(INodeRegistryGrain.DefaultKey).ListAsync();
        var samples = new List<NodeLatency>();
        foreach (var node in nodes.Where(n => n.Status == NodeStatus.Ready && n.Name != self))
        {
            var ping = grains.GetGrain<INodePingGrain>(node.Name);
            try
            {
                await ping.PingAsync().WaitAsync(options.Value.LatencyProbeTimeout); // activates it: not timed
                var watch = Stopwatch.StartNew();
                await ping.PingAsync().WaitAsync(options.Value.LatencyProbeTimeout);
                samples.Add(new NodeLatency
                {
                    FromNode = self,
                    ToNode = node.Name,
                    RoundTripMicroseconds = Math.Max(1, (long)watch.Elapsed.TotalMicroseconds),
                    MeasuredAt = DateTimeOffset.UtcNow,
                });
            }
            catch (Exception ex) when (ex is TimeoutException or OrleansException)
            {
                LogPingFailed(node.Name, ex.Message);
            }
        }

        await grains.GetGrain<ILatencyRegistryGrain>(ILatencyRegistryGrain.DefaultKey).ReportAsync(self, samples);
        Rounds++;
        return samples;
    }

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(options.Value.LatencyProbeInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                try
                {
                    await MeasureOnceAsync();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRoundFailed(ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Latency probe to node {Node} failed: {Error}")]
    private partial void LogPingFailed(string node, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Latency probe round failed")]
    private partial void LogRoundFailed(Exception exception);
}
