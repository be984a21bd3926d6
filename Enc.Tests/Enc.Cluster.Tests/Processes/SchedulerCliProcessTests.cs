using System.Text.Json;
using Enc.Cluster.Tests.Infrastructure;

namespace Enc.Cluster.Tests.Processes;

/// <summary>
/// The scheduler as an operator drives it: <c>Enc.Silo --dev</c> as a real process and the real <c>enc</c>
/// CLI for <c>node label</c>, <c>node taint</c> (add and kubectl-style removal) and <c>explain</c>.
/// </summary>
public sealed class SchedulerCliProcessTests
{
    [Fact]
    public async Task TaintLabelAndExplainThroughTheCli()
    {
        const string node = "proc-sched";
        await using var silo = SiloProcess.Start(["--dev"], new Dictionary<string, string> { ["ENC_NODENAME"] = node });
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(120));
        Task<string> Cli(params string[] args) => CliOkAsync(silo, args);

        Assert.Contains("disk=ssd", await Cli("node", "label", node, "disk=ssd"), StringComparison.Ordinal);
        Assert.Contains("dedicated=db:NoSchedule", await Cli("node", "taint", node, "dedicated=db:NoSchedule"), StringComparison.Ordinal);
        var show = await Cli("node", "show", node);
        Assert.Contains(show.Split('\n'), l => l.StartsWith("Taints:", StringComparison.Ordinal) && l.Contains("dedicated=db:NoSchedule", StringComparison.Ordinal));

        await Cli("run", "--name", "blocked", "--driver", "process", "--cpu", "10m", "--memory", "16Mi", "--", "/bin/sleep", "3600");
        var explained = await Eventually.WaitAsync(() => EncCli.RunAsync("explain", "blocked", "--gateway", silo.Gateway), r => r.ExitCode == 0, TimeSpan.FromSeconds(30), "a decision for blocked");
        var lines = explained.Stdout.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("Outcome:", StringComparison.Ordinal) && l.Contains("Pending", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Algorithm:", StringComparison.Ordinal) && l.Contains("ResourceBased/binpack", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(node + " ", StringComparison.Ordinal) && l.Contains("Rejected", StringComparison.Ordinal)
            && l.Contains("TaintToleration", StringComparison.Ordinal) && l.Contains("node has a taint the workload doesn't tolerate", StringComparison.Ordinal));

        await Cli("node", "taint", node, "dedicated:NoSchedule-");
        using var json = await Eventually.WaitAsync(
            async () => JsonDocument.Parse(await Cli("explain", "blocked", "-o", "json")),
            d => d.RootElement.GetProperty("outcome").GetString() == "Placed", TimeSpan.FromSeconds(30), "blocked placed after the taint is removed");
        var verdict = Assert.Single(json.RootElement.GetProperty("nodes").EnumerateArray());
        Assert.Equal("Selected", verdict.GetProperty("verdict").GetString());
        Assert.Contains(verdict.GetProperty("scores").EnumerateArray(), s => s.GetProperty("plugin").GetString() == "NodeResourcesAllocation");

        var bad = await EncCli.RunAsync("node", "taint", node, "dedicated=db:Sometimes", "--gateway", silo.Gateway);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("effect 'Sometimes' must be NoSchedule, PreferNoSchedule or NoExecute", bad.Stderr, StringComparison.Ordinal);
        var missing = await EncCli.RunAsync("explain", "nothing", "--gateway", silo.Gateway);
        Assert.Equal(4, missing.ExitCode);
        await Cli("rm", "blocked");
    }

    private static async Task<string> CliOkAsync(SiloProcess silo, string[] args)
    {
        // Options go before "--": what follows it is the workload's command line.
        var split = Array.IndexOf(args, "--") is var i and >= 0 ? i : args.Length;
        var result = await EncCli.RunAsync([.. args[..split], "--gateway", silo.Gateway, .. args[split..]]);
        Assert.True(result.ExitCode == 0, $"enc {string.Join(' ', args)}: {result.Stderr}");
        return result.Stdout;
    }
}
