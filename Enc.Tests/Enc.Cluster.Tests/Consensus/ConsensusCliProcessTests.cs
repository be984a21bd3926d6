using System.Text.Json;
using Enc.Cluster.Tests.Infrastructure;

namespace Enc.Cluster.Tests.Consensus;

/// <summary><c>enc consensus</c> and <c>enc validator</c> against a real <c>Enc.Silo --dev</c> process (one node: its own genesis validator).</summary>
public sealed class ConsensusCliProcessTests
{
    [Fact]
    public async Task ValidatorWeightCommitsABlockThatConsensusBlockShowsWithAValidCertificate()
    {
        await using var silo = SiloProcess.Start(["--dev"], new Dictionary<string, string> { ["ENC_NODENAME"] = "cons-dev" });
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(120));
        var gateway = new[] { "--gateway", silo.Gateway };

        var status = await Eventually.WaitAsync(
            () => EncCli.RunAsync(["consensus", "status", "-o", "json", .. gateway]),
            r => r.ExitCode == 0,
            TimeSpan.FromSeconds(60),
            "consensus started");
        using (var doc = JsonDocument.Parse(status.Stdout))
        {
            Assert.True(doc.RootElement.GetProperty("height").GetInt64() >= 1);
            var validator = Assert.Single(doc.RootElement.GetProperty("validators").EnumerateArray());
            Assert.Equal("cons-dev", validator.GetProperty("nodeName").GetString());
            Assert.Equal(96, validator.GetProperty("publicKey").GetString()!.Length);
        }

        var invalid = await EncCli.RunAsync(["validator", "weight", "cons-dev", "0", .. gateway]);
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("weight: 0 must be greater than 0", invalid.Stderr, StringComparison.Ordinal);
        var unknown = await EncCli.RunAsync(["validator", "add", "no-such-node", .. gateway]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("nodeName: node 'no-such-node' has no registered consensus key", unknown.Stderr, StringComparison.Ordinal);
        var missing = await EncCli.RunAsync(["consensus", "block", "100000", .. gateway]);
        Assert.Equal(4, missing.ExitCode);
        Assert.Contains("block 100000 is not committed", missing.Stderr, StringComparison.Ordinal);

        var weight = await EncCli.RunAsync(["validator", "weight", "cons-dev", "3", .. gateway]);
        Assert.True(weight.ExitCode == 0, weight.Stderr);
        Assert.Contains("submitted: set the weight of cons-dev to 3", weight.Stdout, StringComparison.Ordinal);

        // The node's inventory blocks come first; find the block holding the weight change.
        var height = 0L;
        var block = await Eventually.WaitAsync(
            async () =>
            {
                var result = await EncCli.RunAsync(["consensus", "block", (height + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), .. gateway]);
                if (result.ExitCode == 0 && !result.Stdout.Contains("set weight of validator cons-dev", StringComparison.Ordinal))
                {
                    height++;
                }

                return result;
            },
            r => r.ExitCode == 0 && r.Stdout.Contains("set weight of validator cons-dev", StringComparison.Ordinal),
            TimeSpan.FromSeconds(90),
            "the block with the weight change");
        height++;
        Assert.Contains("valid (FastAggregateVerify over the block hash)", block.Stdout, StringComparison.Ordinal);
        Assert.Contains("set weight of validator cons-dev", block.Stdout, StringComparison.Ordinal);
        var json = await EncCli.RunAsync(["consensus", "block", height.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", "json", .. gateway]);
        using (var doc = JsonDocument.Parse(json.Stdout))
        {
            Assert.True(doc.RootElement.GetProperty("verification").GetProperty("isValid").GetBoolean());
            Assert.Equal(["cons-dev"], doc.RootElement.GetProperty("block").GetProperty("certificate").GetProperty("signers").EnumerateArray().Select(e => e.GetString()).ToArray());
        }

        var table = await EncCli.RunAsync(["consensus", "status", .. gateway]);
        Assert.Contains("Last block:", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("cons-dev", table.Stdout, StringComparison.Ordinal);
    }
}
