using System.Text.Json;
using Enc.Cluster.Tests.Infrastructure;

namespace Enc.Cluster.Tests.Processes;

/// <summary><c>Enc.Silo --dev</c> as a real process, driven by the real <c>enc</c> CLI.</summary>
public sealed class DevSiloProcessTests
{
    [Fact]
    public async Task DevSiloServesTheCliHealthEndpointsAndDashboardAndStopsOnSigterm()
    {
        // The node name comes from the environment (ENC_NODENAME), the mode from the --dev flag.
        await using var silo = SiloProcess.Start(["--dev"], new Dictionary<string, string> { ["ENC_NODENAME"] = "proc-dev" });
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(60));

        var ls = await EncCli.RunAsync("node", "ls", "--gateway", silo.Gateway);
        Assert.True(ls.ExitCode == 0, ls.Stderr);
        var row = ls.Stdout.Split('\n').Single(l => l.StartsWith("proc-dev ", StringComparison.Ordinal));
        Assert.Contains(" Ready ", row, StringComparison.Ordinal);
        Assert.StartsWith("NAME", ls.Stdout, StringComparison.Ordinal);

        var json = await EncCli.RunAsync("node", "ls", "-o", "json", "--gateway", silo.Gateway);
        using (var doc = JsonDocument.Parse(json.Stdout))
        {
            var node = Assert.Single(doc.RootElement.EnumerateArray());
            Assert.Equal("proc-dev", node.GetProperty("name").GetString());
            Assert.Equal("Ready", node.GetProperty("status").GetString());
            Assert.Equal(Environment.ProcessorCount * 1000L, node.GetProperty("resources").GetProperty("capacity").GetProperty("cpuMillicores").GetInt64());
        }

        var show = await EncCli.RunAsync("node", "show", "proc-dev", "--gateway", silo.Gateway);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("History:", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("AgentReady", show.Stdout, StringComparison.Ordinal);

        var missing = await EncCli.RunAsync("node", "show", "no-such-node", "--gateway", silo.Gateway);
        Assert.Equal(4, missing.ExitCode);
        Assert.Contains("node 'no-such-node' not found", missing.Stderr, StringComparison.Ordinal);

        var status = await EncCli.RunAsync("cluster", "status", "-o", "json", "--gateway", silo.Gateway);
        using (var doc = JsonDocument.Parse(status.Stdout))
        {
            Assert.Equal(1, doc.RootElement.GetProperty("activeSilos").GetInt32());
            Assert.Equal(1, doc.RootElement.GetProperty("nodesByStatus").GetProperty("Ready").GetInt32());
        }

        Assert.Equal(200, (await silo.GetAsync("/healthz")).Status);
        Assert.Contains("\"ready\"", (await silo.GetAsync("/readyz")).Body, StringComparison.Ordinal);
        var dashboard = await silo.GetAsync("/dashboard/");
        Assert.Equal(200, dashboard.Status);
        Assert.Contains("Orleans Dashboard", dashboard.Body, StringComparison.Ordinal);

        silo.Process.Terminate();
        Assert.Equal(0, await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(40)));
        Assert.Contains("Node proc-dev marked Leaving", silo.Process.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CliFailsClearlyWhenTheClusterIsUnreachable()
    {
        var result = await EncCli.RunAsync("node", "ls", "--gateway", $"127.0.0.1:{FreePorts.Next()}", "--timeout", "1");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Cannot reach the ENC cluster", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }
}
