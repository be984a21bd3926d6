using Enc.Client;
using Enc.Grains.Hosting;
using Enc.Grains.Interfaces.Hosting;
using Enc.Grains.Nodes.Agent;
using Enc.Grains.Nodes.Monitoring;
using Enc.Silo.Hosting;
using Enc.Silo.Options;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Enc.Cluster.Tests.Infrastructure;

/// <summary>
/// An in-process Orleans test cluster configured like a development-mode ENC silo (in-memory
/// storage, reminders, streams; every ENC feature), optionally with a shared node clock.
/// </summary>
public sealed class DevTestCluster : IAsyncDisposable
{
    private DevTestCluster(InProcessTestCluster cluster, string dataDirectory)
    {
        Cluster = cluster;
        DataDirectory = dataDirectory;
    }

    /// <summary>The underlying test cluster.</summary>
    public InProcessTestCluster Cluster { get; }

    /// <summary>Data directory shared by the silos.</summary>
    public string DataDirectory { get; }

    /// <summary>The cluster's grain factory (its test client).</summary>
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>
    /// Starts <paramref name="silos"/> silos; <paramref name="nodeClock"/> replaces the node subsystem's clock.
    /// With <paramref name="storageConnectionString"/>, grain state and reminders live in that (migrated)
    /// PostgreSQL database instead of memory: in-memory storage is spread over the silos, so a test that
    /// stops a silo would lose the state that silo held, which no real multi-silo cluster does.
    /// </summary>
    public static async Task<DevTestCluster> StartAsync(
        int silos = 1,
        TimeProvider? nodeClock = null,
        Action<ISiloBuilder>? configure = null,
        string? storageConnectionString = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("enc-test-").FullName;
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) =>
        {
            var options = new EncSiloOptions { Mode = EncSiloMode.Development, DataDirectory = dataDirectory };
            if (storageConnectionString is null)
            {
                silo.AddEncPersistence(options.Mode, "");
            }
            else
            {
                silo.AddEncPersistence(EncSiloMode.Production, storageConnectionString);
            }

            silo.AddEncFeatures(options);
            if (nodeClock is not null)
            {
                silo.Services.AddKeyedSingleton(EncTimeProviderNames.Nodes, nodeClock);
            }

            configure?.Invoke(silo);
        });
        // The client can publish on ENC's streams, as a test that plays a (misbehaving) emitter needs.
        builder.ConfigureClient(client => client.AddMemoryStreams(EncProviderNames.Streams));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new DevTestCluster(cluster, dataDirectory);
    }

    /// <summary>A service of one silo.</summary>
    public T Service<T>(InProcessSiloHandle silo)
        where T : notnull => silo.ServiceProvider.GetRequiredService<T>();

    /// <summary>The node agent of a silo.</summary>
    public NodeAgent Agent(InProcessSiloHandle silo) => Service<NodeAgent>(silo);

    /// <summary>The health monitor of a silo.</summary>
    public NodeHealthMonitor Monitor(InProcessSiloHandle silo) => Service<NodeHealthMonitor>(silo);

    /// <summary>
    /// An <see cref="EncClient"/> over the test cluster's own client (the in-process cluster has no
    /// TCP gateway; the TCP path is covered by the process tests).
    /// </summary>
    public Task<EncClient> ConnectClientAsync() => Task.FromResult(EncClient.FromGrainFactory(Cluster.Client, new EncClientOptions
    {
        ClusterId = Cluster.Options.ClusterId,
        ServiceId = Cluster.Options.ServiceId,
    }));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
