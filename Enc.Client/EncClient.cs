using Enc.Client.Cluster;
using Enc.Client.Consensus;
using Enc.Client.Ledger;
using Enc.Client.Nodes;
using Enc.Client.Scheduling;
using Enc.Client.Workloads;
using Enc.Grains.Interfaces.Hosting;
using Enc.Grains.Interfaces.Receipts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Enc.Client;

/// <summary>
/// A connection to an ENC cluster. Create with <see cref="ConnectAsync"/>, dispose when done.
/// Operations are grouped by area: <see cref="Nodes"/>, <see cref="Cluster"/>, <see cref="Workloads"/>.
/// </summary>
public sealed class EncClient : IAsyncDisposable
{
    private readonly IHost? _host;

    private EncClient(IHost? host, IGrainFactory grains, EncClientOptions options)
    {
        _host = host;
        Options = options;
        GrainFactory = grains;
        Nodes = new NodeOperations(grains);
        Cluster = new ClusterOperations(grains, options);
        Workloads = new WorkloadOperations(grains);
        Consensus = new ConsensusOperations(grains);
        Ledger = new LedgerOperations(grains);
        Scheduling = new SchedulingOperations(grains);
    }

    /// <summary>The options the client connected with.</summary>
    public EncClientOptions Options { get; }

    /// <summary>Node queries.</summary>
    public NodeOperations Nodes { get; }

    /// <summary>Cluster queries.</summary>
    public ClusterOperations Cluster { get; }

    /// <summary>Workloads: submit/apply, list, get, stop, delete, instances, logs, events.</summary>
    public WorkloadOperations Workloads { get; }

    /// <summary>Consensus: status, committed blocks and certificates, validator-set changes.</summary>
    public ConsensusOperations Consensus { get; }

    /// <summary>The receipt ledger: heads, receipts with proofs, histories, consistency proofs, verification.</summary>
    public LedgerOperations Ledger { get; }
    /// <summary>Scheduler: explain decisions, the unschedulable queue, measured latencies.</summary>
    public SchedulingOperations Scheduling { get; }

    /// <summary>
    /// The underlying Orleans grain factory, for ENC components layered on this client. Applications
    /// should prefer the typed operations.
    /// </summary>
    public IGrainFactory GrainFactory { get; }

    /// <summary>Connects to the cluster; throws <see cref="EncClusterUnavailableException"/> when it cannot be reached.</summary>
    public static async Task<EncClient> ConnectAsync(EncClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            if (options.ConnectionString.Length > 0)
            {
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = EncProviderNames.PostgresInvariant;
                    o.ConnectionString = options.ConnectionString;
                });
            }
            else
            {
                client.UseStaticClustering(GatewayEndpoints.Parse(options.Gateway));
            }

            // Every call names this client as the actor of the receipts it causes.
            client.AddOutgoingGrainCallFilter(context =>
            {
                ReceiptActorContext.Set(options.Actor);
                return context.Invoke();
            });
            client.UseConnectionRetryFilter(new ConnectionRetryUntilDeadline(options.ConnectTimeout));
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
            return new EncClient(host, host.Services.GetRequiredService<IClusterClient>(), options);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            host.Dispose();
            throw new EncClusterUnavailableException($"Cannot reach the ENC cluster ({options.Describe()}): {ex.Message}", ex);
        }
    }

    /// <summary>Wraps an existing Orleans client (in-process test clusters); the caller owns its lifetime.</summary>
    internal static EncClient FromGrainFactory(IGrainFactory grains, EncClientOptions options) => new(null, grains, options);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_host is null)
        {
            return;
        }

        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            _host.Dispose();
        }
    }
}
