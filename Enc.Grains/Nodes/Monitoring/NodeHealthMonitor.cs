using Enc.Grains.Hosting;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Nodes.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Nodes.Monitoring;

/// <summary>
/// Re-evaluates every node's health on <see cref="EncNodeOptions.MonitorInterval"/> and whenever the
/// cluster membership changes. Only the active silo with the lowest address sweeps on its timer, so a
/// cluster does one sweep per interval; explicit <see cref="SweepAsync"/> calls run anywhere.
/// </summary>
public sealed partial class NodeHealthMonitor : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly IGrainFactory _grains;
    private readonly IClusterMembershipService _membership;
    private readonly ILocalSiloDetails _silo;
    private readonly EncNodeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<NodeHealthMonitor> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _loops = Task.CompletedTask;

    /// <summary>Creates the monitor.</summary>
    public NodeHealthMonitor(
        IGrainFactory grains,
        IClusterMembershipService membership,
        ILocalSiloDetails silo,
        IOptions<EncNodeOptions> options,
        [FromKeyedServices(EncTimeProviderNames.Nodes)] TimeProvider time,
        ILogger<NodeHealthMonitor> logger)
    {
        _grains = grains;
        _membership = membership;
        _silo = silo;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(NodeHealthMonitor), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    /// <summary>Evaluates every registered node once; returns each node's resulting status.</summary>
    public async Task<IReadOnlyDictionary<string, NodeStatus>> SweepAsync()
    {
        var names = await _grains.GetGrain<INodeRegistryGrain>(INodeRegistryGrain.DefaultKey).ListNamesAsync();
        var snapshot = _membership.CurrentSnapshot;
        var results = await Task.WhenAll(names.Select(async name =>
        {
            var status = await _grains.GetGrain<INodeGrain>(name).EvaluateHealthAsync(SiloLeftMembership(snapshot, name));
            return KeyValuePair.Create(name, status);
        }));
        return new Dictionary<string, NodeStatus>(results, StringComparer.Ordinal);
    }

    /// <summary>
    /// True when the membership holds a silo of that name that is stopping or dead and no active one.
    /// Unknown names are not judged here: heartbeats decide for them.
    /// </summary>
    public static bool SiloLeftMembership(ClusterMembershipSnapshot snapshot, string nodeName)
    {
        var left = false;
        foreach (var member in snapshot.Members.Values)
        {
            if (!string.Equals(member.Name, nodeName, StringComparison.Ordinal))
            {
                continue;
            }

            if (member.Status is SiloStatus.Active or SiloStatus.Joining or SiloStatus.Created)
            {
                return false;
            }

            left |= member.Status is SiloStatus.Dead or SiloStatus.ShuttingDown or SiloStatus.Stopping;
        }

        return left;
    }

    private bool IsLeader()
    {
        SiloAddress? lowest = null;
        foreach (var member in _membership.CurrentSnapshot.Members.Values)
        {
            if (member.Status == SiloStatus.Active && (lowest is null || member.SiloAddress.CompareTo(lowest) < 0))
            {
                lowest = member.SiloAddress;
            }
        }

        return lowest is null || lowest.Equals(_silo.SiloAddress);
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _loops = Task.WhenAll(
            Task.Run(TimerLoopAsync, CancellationToken.None),
            Task.Run(MembershipLoopAsync, CancellationToken.None));
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loops;
    }

    private async Task TimerLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.MonitorInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                if (IsLeader())
                {
                    await SafeSweepAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task MembershipLoopAsync()
    {
        try
        {
            await foreach (var _ in _membership.MembershipUpdates.WithCancellation(_stopping.Token))
            {
                if (IsLeader())
                {
                    await SafeSweepAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SafeSweepAsync()
    {
        try
        {
            await SweepAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSweepFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node health sweep failed")]
    private partial void LogSweepFailed(Exception exception);
}
