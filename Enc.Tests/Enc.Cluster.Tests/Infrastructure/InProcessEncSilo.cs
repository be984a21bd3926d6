using Enc.Grains.Nodes.Agent;
using Enc.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Enc.Cluster.Tests.Infrastructure;

/// <summary>
/// A production-mode ENC silo hosted in the test process exactly as <c>Enc.Silo</c> hosts it
/// (<see cref="EncSiloHost.Build"/>), on free loopback ports and real TCP.
/// </summary>
public sealed class InProcessEncSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessEncSilo(WebApplication app, string nodeName, int gatewayPort)
    {
        _app = app;
        NodeName = nodeName;
        GatewayPort = gatewayPort;
    }

    /// <summary>The node (and silo) name.</summary>
    public string NodeName { get; }

    /// <summary>The gateway port.</summary>
    public int GatewayPort { get; }

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The silo's node agent.</summary>
    public NodeAgent Agent => Services.GetRequiredService<NodeAgent>();

    /// <summary>
    /// Starts a silo named <paramref name="nodeName"/> in cluster <paramref name="clusterId"/> on PostgreSQL;
    /// <paramref name="logs"/>, when given, also receives every log entry of the silo.
    /// </summary>
    public static async Task<InProcessEncSilo> StartAsync(string nodeName, string clusterId, string connectionString, string dataDirectory, CapturedLogs? logs = null)
    {
        var gatewayPort = FreePorts.Next();
        var app = EncSiloHost.Build(new Dictionary<string, string?>
        {
            ["Enc:Mode"] = "Production",
            ["Enc:NodeName"] = nodeName,
            ["Enc:ClusterId"] = clusterId,
            ["Enc:ServiceId"] = clusterId,
            ["Enc:ConnectionString"] = connectionString,
            ["Enc:AdvertisedAddress"] = "127.0.0.1",
            ["Enc:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Enc:GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Enc:HttpPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Enc:DataDirectory"] = Path.Combine(dataDirectory, nodeName),
            ["Enc:DashboardEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        }, builder => logs?.AddTo(builder.Logging, nodeName));
        await app.StartAsync();
        return new InProcessEncSilo(app, nodeName, gatewayPort);
    }

    /// <summary>Stops the silo gracefully (as on SIGTERM).</summary>
    public Task StopAsync() => _app.StopAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
