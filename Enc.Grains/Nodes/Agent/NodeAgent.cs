using Enc.Grains.Hosting;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Nodes.Options;
using Enc.Grains.Receipts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Nodes.Agent;

/// <summary>
/// The silo's node agent: when the silo becomes active it registers its node (named after the silo)
/// with capacity measured on the host, marks it Ready and heartbeats on
/// <see cref="EncNodeOptions.HeartbeatInterval"/>; when the silo stops it marks the node Leaving.
/// </summary>
public sealed partial class NodeAgent : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly IGrainFactory _grains;
    private readonly ILocalSiloDetails _silo;
    private readonly EncNodeOptions _options;
    private readonly HostCapacityProbe _probe;
    private readonly TimeProvider _time;
    private readonly ILogger<NodeAgent> _logger;
    private readonly NodeIdentity _identity;
    private readonly CancellationTokenSource _stopping = new();
    private Task _heartbeats = Task.CompletedTask;
    private volatile bool _registered;

    /// <summary>Creates the agent.</summary>
    public NodeAgent(
        IGrainFactory grains,
        ILocalSiloDetails silo,
        IOptions<EncNodeOptions> options,
        HostCapacityProbe probe,
        [FromKeyedServices(EncTimeProviderNames.Nodes)] TimeProvider time,
        ILogger<NodeAgent> logger,
        NodeIdentity identity)
    {
        _identity = identity;
        _grains = grains;
        _silo = silo;
        _options = options.Value;
        _probe = probe;
        _time = time;
        _logger = logger;
    }

    /// <summary>The name of this silo's node.</summary>
    public string NodeName => _silo.Name;

    /// <summary>True once this silo's node registered and was marked Ready.</summary>
    public bool IsRegistered => _registered;

    /// <summary>Number of heartbeats sent successfully since start.</summary>
    public long HeartbeatsSent { get; private set; }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(NodeAgent), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    /// <summary>Registers the node with fresh host measurements and marks it Ready.</summary>
    public async Task RegisterAsync()
    {
        var registration = new NodeRegistration
        {
            Capabilities = _probe.DescribeCapabilities(_options),
            Capacity = _probe.MeasureCapacity(_options),
            Address = _silo.SiloAddress.Endpoint.ToString(),
            ConsensusWeight = _options.ConsensusWeight,
            PublicKey = _identity.PublicKey,
            ProofOfPossession = _identity.ProofOfPossession,
        };
        var node = _grains.GetGrain<INodeGrain>(NodeName);
        await node.RegisterAsync(registration);
        await node.MarkReadyAsync();
        _registered = true;
        LogRegistered(NodeName, registration.Capacity.CpuMillicores, registration.Capacity.MemoryBytes, registration.Capacity.DiskBytes);
    }

    /// <summary>Sends one heartbeat, registering again if the node's state was lost.</summary>
    public async Task HeartbeatAsync()
    {
        if (!await _grains.GetGrain<INodeGrain>(NodeName).HeartbeatAsync())
        {
            await RegisterAsync();
        }

        HeartbeatsSent++;
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        // Storage or directory hiccups while the cluster forms are retried; the fifth failure stops the silo.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RegisterAsync();
                break;
            }
            catch (Exception ex) when (attempt < 5 && ex is not OperationCanceledException)
            {
                LogRegistrationRetry(ex, NodeName, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }

        _heartbeats = Task.Run(HeartbeatLoopAsync, CancellationToken.None);
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _heartbeats;
        if (!_registered)
        {
            return;
        }

        try
        {
            await _grains.GetGrain<INodeGrain>(NodeName).MarkLeavingAsync().WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            LogLeaving(NodeName);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogLeavingFailed(ex, NodeName);
        }
    }

    private async Task HeartbeatLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.HeartbeatInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                try
                {
                    await HeartbeatAsync();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogHeartbeatFailed(ex, NodeName);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Node} registered (cpu {CpuMillicores}m, memory {MemoryBytes} B, disk {DiskBytes} B)")]
    private partial void LogRegistered(string node, long cpuMillicores, long memoryBytes, long diskBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering node {Node} failed (attempt {Attempt}); retrying")]
    private partial void LogRegistrationRetry(Exception exception, string node, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Node} marked Leaving")]
    private partial void LogLeaving(string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark node {Node} Leaving")]
    private partial void LogLeavingFailed(Exception exception, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat of node {Node} failed")]
    private partial void LogHeartbeatFailed(Exception exception, string node);
}
