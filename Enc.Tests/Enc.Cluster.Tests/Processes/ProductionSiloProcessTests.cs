using System.Text.Json;
using Enc.Cluster.Tests.Infrastructure;

namespace Enc.Cluster.Tests.Processes;

/// <summary>
/// Production mode as an operator runs it: <c>Enc.Silo db migrate</c>, a silo process on PostgreSQL,
/// <c>enc</c> finding it through the membership table, SIGTERM, and a second silo that still sees the
/// first node's history.
/// </summary>
public sealed class ProductionSiloProcessTests : IAsyncLifetime
{
    private PostgresDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await PostgresDatabase.CreateAsync(nameof(ProductionSiloProcessTests));

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task MigrateRunSigtermAndInspectFromAnotherSilo()
    {
        var migrate1 = await ChildProcess.RunAsync("Enc.Silo.dll", ["db", "migrate", "--connection", _db.ConnectionString], TimeSpan.FromSeconds(60));
        var migrate2 = await ChildProcess.RunAsync("Enc.Silo.dll", ["db", "migrate", "--connection", _db.ConnectionString], TimeSpan.FromSeconds(60));
        Assert.True(migrate1.ExitCode == 0, migrate1.Stderr);
        Assert.StartsWith("Applied 4 script(s)", migrate1.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, migrate2.ExitCode);
        Assert.StartsWith("Schema is up to date.", migrate2.Stdout, StringComparison.Ordinal);

        var env = new Dictionary<string, string> { ["ENC_CONNECTIONSTRING"] = _db.ConnectionString, ["ENC_ADVERTISEDADDRESS"] = "127.0.0.1" };
        await using (var first = SiloProcess.Start(["--node-name", "prod-1"], env))
        {
            await first.WaitReadyAsync(TimeSpan.FromSeconds(60));
            var ls = await EncCli.RunAsync("node", "ls", "--connection", _db.ConnectionString);
            Assert.True(ls.ExitCode == 0, ls.Stderr);
            Assert.Contains(" Ready ", ls.Stdout.Split('\n').Single(l => l.StartsWith("prod-1 ", StringComparison.Ordinal)), StringComparison.Ordinal);

            first.Process.Terminate();
            Assert.Equal(0, await first.Process.WaitForExitAsync(TimeSpan.FromSeconds(40)));
        }

        await using var second = SiloProcess.Start(["--node-name", "prod-2"], env);
        await second.WaitReadyAsync(TimeSpan.FromSeconds(60));
        var show = await EncCli.RunAsync("node", "show", "prod-1", "-o", "json", "--connection", _db.ConnectionString);
        Assert.True(show.ExitCode == 0, show.Stderr);
        using var doc = JsonDocument.Parse(show.Stdout);
        var reasons = doc.RootElement.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("reason").GetString()).ToArray();
        Assert.Equal(["Registered", "AgentReady", "ShutdownRequested"], reasons[..3]);
    }
}
