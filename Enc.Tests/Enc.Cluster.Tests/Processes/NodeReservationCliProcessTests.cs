using System.Text.Json;
using Enc.Cluster.Tests.Infrastructure;

namespace Enc.Cluster.Tests.Processes;

/// <summary><c>enc node reservations</c> and <c>enc node audit</c> against <c>Enc.Silo --dev</c> as a real process.</summary>
public sealed class NodeReservationCliProcessTests
{
    [Fact]
    public async Task ReservationsListTheRunningInstanceAndAnAuditKeepsWhatItsWorkloadHolds()
    {
        const string node = "proc-reserve";
        await using var silo = SiloProcess.Start(["--dev"], new Dictionary<string, string> { ["ENC_NODENAME"] = node });
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(120));

        var run = await EncCli.RunAsync("run", "--name", "held", "--driver", "process", "--cpu", "25m", "--memory", "16Mi", "--gateway", silo.Gateway, "--", "/bin/sleep", "3600");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var listed = await Eventually.WaitAsync(
            () => EncCli.RunAsync("node", "reservations", node, "-o", "json", "--gateway", silo.Gateway),
            r => r.ExitCode == 0 && JsonDocument.Parse(r.Stdout).RootElement.GetArrayLength() == 1,
            TimeSpan.FromSeconds(60),
            "one reservation on the node");
        using (var doc = JsonDocument.Parse(listed.Stdout))
        {
            var reservation = doc.RootElement[0];
            Assert.Equal("default/held", reservation.GetProperty("workloadId").GetString());
            Assert.Equal(25, reservation.GetProperty("resources").GetProperty("cpuMillicores").GetInt64());
            Assert.True(reservation.GetProperty("serial").GetInt64() > 0);
        }

        var table = await EncCli.RunAsync("node", "reservations", node, "--gateway", silo.Gateway);
        Assert.StartsWith("INSTANCE", table.Stdout, StringComparison.Ordinal);
        Assert.Contains(table.Stdout.Split('\n'), l => l.Contains("default/held", StringComparison.Ordinal) && l.Contains("25m", StringComparison.Ordinal));

        // The reservation is younger than the grace period: the audit asks nothing and releases nothing.
        var audit = await EncCli.RunAsync("node", "audit", node, "-o", "json", "--gateway", silo.Gateway);
        Assert.True(audit.ExitCode == 0, audit.Stderr);
        using (var doc = JsonDocument.Parse(audit.Stdout))
        {
            Assert.Equal(node, doc.RootElement.GetProperty("nodeName").GetString());
            Assert.Equal(0, doc.RootElement.GetProperty("released").GetArrayLength());
        }

        var text = await EncCli.RunAsync("node", "audit", node, "--gateway", silo.Gateway);
        Assert.Contains("Released:", text.Stdout, StringComparison.Ordinal);
        Assert.Single(JsonDocument.Parse((await EncCli.RunAsync("node", "reservations", node, "-o", "json", "--gateway", silo.Gateway)).Stdout).RootElement.EnumerateArray());

        foreach (var verb in new[] { "reservations", "audit" })
        {
            var missing = await EncCli.RunAsync("node", verb, "no-such-node", "--gateway", silo.Gateway);
            Assert.Equal(4, missing.ExitCode);
            Assert.Contains("node 'no-such-node' not found", missing.Stderr, StringComparison.Ordinal);
        }

        Assert.Equal(0, (await EncCli.RunAsync("rm", "held", "--gateway", silo.Gateway)).ExitCode);
    }
}
