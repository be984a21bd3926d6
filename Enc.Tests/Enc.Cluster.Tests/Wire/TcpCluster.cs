using Enc.Client;
using Enc.Cluster.Tests.Infrastructure;
using Enc.Silo.Database;
using Microsoft.Extensions.DependencyInjection;

namespace Enc.Cluster.Tests.Wire;

/// <summary>
/// Two production-mode ENC silos (node-a, node-b) talking real TCP on loopback, joined through a throwaway
/// PostgreSQL database, and an <see cref="EncClient"/> connected to them over TCP.
/// </summary>
public sealed class TcpCluster : IAsyncDisposable
{
    private readonly PostgresDatabase _db;
    private readonly string _dataDirectory;

    private TcpCluster(PostgresDatabase db, string dataDirectory, InProcessEncSilo a, InProcessEncSilo b, EncClient client)
    {
        _db = db;
        _dataDirectory = dataDirectory;
        A = a;
        B = b;
        Client = client;
    }

    /// <summary>Silo node-a.</summary>
    public InProcessEncSilo A { get; }

    /// <summary>Silo node-b.</summary>
    public InProcessEncSilo B { get; }

    /// <summary>A client connected over TCP.</summary>
    public EncClient Client { get; }

    /// <summary>Starts both silos and the client; <paramref name="owner"/> names the database.</summary>
    public static async Task<TcpCluster> StartAsync(string owner)
    {
        var ct = TestContext.Current.CancellationToken;
        var db = await PostgresDatabase.CreateAsync(owner);
        await SchemaMigrator.Default.MigrateAsync(db.ConnectionString, ct);
        var dataDirectory = Directory.CreateTempSubdirectory("enc-wire-").FullName;
        var clusterId = owner + "-" + Guid.NewGuid().ToString("N")[..8];
        var a = await InProcessEncSilo.StartAsync("node-a", clusterId, db.ConnectionString, dataDirectory);
        var b = await InProcessEncSilo.StartAsync("node-b", clusterId, db.ConnectionString, dataDirectory);
        var client = await EncClient.ConnectAsync(new EncClientOptions { ConnectionString = db.ConnectionString, ClusterId = clusterId, ServiceId = clusterId }, ct);
        await Eventually.WaitAsync(() => client.Cluster.GetStatusAsync(ct), s => s.ActiveSilos == 2, TimeSpan.FromSeconds(60), "two active silos");
        return new TcpCluster(db, dataDirectory, a, b, client);
    }

    /// <summary>The silo address of <paramref name="silo"/>, as Orleans prints it.</summary>
    public string SiloAddressOf(InProcessEncSilo silo) => silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await B.DisposeAsync();
        await A.DisposeAsync();
        await _db.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
