using System.Net;
using System.Net.Sockets;
using Enc.Cluster.Tests.Infrastructure;

namespace Enc.Cluster.Tests.Processes;

/// <summary>Bad configuration makes <c>Enc.Silo</c> fail at start with a message naming the setting.</summary>
public sealed class SiloConfigurationProcessTests
{
    [Fact]
    public async Task ProductionModeWithoutConnectionStringFailsNamingTheSetting()
    {
        await using var silo = SiloProcess.Start([]);

        Assert.Equal(2, await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Enc:ConnectionString (ENC_CONNECTIONSTRING, --connection) is required in Production mode", silo.Process.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--http-port", "Enc:HttpPort (ENC_HTTPPORT, --http-port)")]
    [InlineData("--gateway-port", "Enc:GatewayPort (ENC_GATEWAYPORT, --gateway-port)")]
    public async Task PortInUseFailsNamingTheSetting(string flag, string setting)
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await using var silo = SiloProcess.Start(["--dev", flag, port]);

        Assert.Equal(2, await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains($"{setting}: port {port}", silo.Process.Stderr, StringComparison.Ordinal);
        Assert.Contains("already in use", silo.Process.Stderr, StringComparison.Ordinal);
    }
}
