using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Workloads.Agent;

/// <summary>
/// Watches node status: when a node is Down, every workload moves its instances off it (new instances
/// on Ready nodes; the old ones unassigned, so the node's agent stops them if the node comes back).
/// Runs on every silo; evacuation is idempotent.
/// </summary>
public sealed partial class NodeFailoverMonitor(IGrainFactory grains, IOptions<EncWorkloadOptions> options, ILogger<NodeFailoverMonitor> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<string> _evacuated = new(StringComparer.Ordinal);
    private Task _loop = Task.CompletedTask;

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(NodeFailoverMonitor), ServiceLifecycleStage.Active, _ =>
        {
            _loop = Task.Run(LoopAsync, CancellationToken.None);
            return Task.CompletedTask;
        }, async _ =>
        {
            await _stopping.CancelAsync();
            await _loop;
        });

    /// <summary>Checks node status once and evacuates newly Down nodes.</summary>
    public async Task CheckOnceAsync()
    {
        var nodes = await grains.GetGrain<INodeRegistryGrain>(INodeRegistryGrain.DefaultKey).ListAsync();
        var down = nodes.Where(n => n.Status == NodeStatus.Down).Select(n => n.Name).ToList();
        _evacuated.IntersectWith(down);
        var fresh = down.Where(n => !_evacuated.Contains(n)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        foreach (var id in await grains.GetGrain<IWorkloadRegistryGrain>(IWorkloadRegistryGrain.DefaultKey).ListAsync(null))
        {
            await grains.GetGrain<IWorkloadGrain>(id).EvacuateNodesAsync(down);
        }

        _evacuated.UnionWith(fresh);
        LogEvacuated(string.Join(", ", fresh));
    }

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(options.Value.FailoverInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                try
                {
                    await CheckOnceAsync();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nodes down, instances rescheduled: {Nodes}")]
    private partial void LogEvacuated(string nodes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node failover check failed")]
    private partial void LogFailed(Exception exception);
}
