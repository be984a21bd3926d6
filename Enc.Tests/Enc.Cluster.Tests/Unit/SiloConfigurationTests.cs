using System.Collections;
using Enc.Client;
using Enc.Grains.Nodes.Agent;
using Enc.Silo.Configuration;
using Enc.Silo.Options;

namespace Enc.Cluster.Tests.Unit;

public sealed class SiloConfigurationTests
{
    public static TheoryData<string, Action<EncSiloOptions>, string> InvalidOptions => new()
    {
        { "production without connection", o => o.Mode = EncSiloMode.Production, "Enc:ConnectionString (ENC_CONNECTIONSTRING, --connection)" },
        { "empty node name", o => o.NodeName = " ", "Enc:NodeName (ENC_NODENAME, --node-name)" },
        { "node name with space", o => o.NodeName = "a b", "Enc:NodeName" },
        { "port out of range", o => o.HttpPort = 70000, "Enc:HttpPort (ENC_HTTPPORT, --http-port)" },
        { "same ports", o => o.GatewayPort = o.SiloPort, "Enc:GatewayPort" },
        { "http address not ip", o => o.HttpAddress = "localhost", "Enc:HttpAddress (ENC_HTTPADDRESS, --http-address)" },
        { "invalid mode", o => o.Mode = EncSiloMode.Invalid, "Enc:Mode (ENC_MODE, --mode)" },
        { "empty data dir", o => o.DataDirectory = "", "Enc:DataDirectory (ENC_DATADIRECTORY, --data-dir)" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidOptionsNameTheSetting(string name, Action<EncSiloOptions> mutate, string setting)
    {
        var options = new EncSiloOptions { Mode = EncSiloMode.Development };
        mutate(options);

        var problem = EncSiloOptionsValidator.Validate(options);

        Assert.True(problem is not null, name);
        Assert.Contains(setting, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultDevelopmentOptionsAreValidAndNodeNameIsTheHostName()
    {
        var options = new EncSiloOptions { Mode = EncSiloMode.Development };

        Assert.Null(EncSiloOptionsValidator.Validate(options));
        Assert.Equal(System.Net.Dns.GetHostName(), options.NodeName);
    }

    [Fact]
    public void EnvironmentVariablesMapToEncSection()
    {
        var env = new Hashtable
        {
            ["ENC_NODENAME"] = "n7",
            ["ENC_NODES__HEARTBEATINTERVAL"] = "00:00:02",
            ["PATH"] = "/bin",
            ["ENC_"] = "ignored",
        };

        var mapped = EncEnvironmentVariables.Read(env);

        Assert.Equal(2, mapped.Count);
        Assert.Equal("n7", mapped["Enc:NodeName"]);
        Assert.Equal("00:00:02", mapped["Enc:NODES:HEARTBEATINTERVAL"]);
    }

    [Fact]
    public void MemTotalIsParsedInBytes()
    {
        const string meminfo = "MemTotal:       24625484 kB\nMemFree:        1 kB\n";

        Assert.Equal(24625484L * 1024, HostCapacityProbe.ParseMemTotal(meminfo));
        Assert.Throws<FormatException>(() => HostCapacityProbe.ParseMemTotal("MemFree: 1 kB"));
    }

    [Theory]
    [InlineData("127.0.0.1:30000", 1)]
    [InlineData("127.0.0.1:30000, 127.0.0.1:30001", 2)]
    public void GatewayListsParse(string value, int count) => Assert.Equal(count, GatewayEndpoints.Parse(value).Length);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:port")]
    [InlineData("")]
    public void BadGatewayIsRejectedNamingTheFlag(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => GatewayEndpoints.Parse(value));
        Assert.StartsWith("gateway", ex.Message, StringComparison.Ordinal);
    }
}
