using System.Text.Json;
using Enc.Client;
using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Interfaces.Workloads;
using Enc.Ledger.Receipts;
using Npgsql;

namespace Enc.Cluster.Tests.Ledger;

/// <summary>
/// A real <c>Enc.Silo</c> process in production mode on PostgreSQL, killed with SIGKILL while a client is
/// submitting, updating and stopping workloads: after a restart every operation the client saw acknowledged
/// has exactly its receipt, no receipt is duplicated and <c>enc ledger verify</c> passes. Then the database
/// refuses UPDATE and DELETE on the ledger, and a byte changed behind the trigger's back makes
/// <c>enc ledger verify</c> fail naming that entry.
/// </summary>
public sealed class LedgerCrashProcessTests : IAsyncLifetime
{
    private const string Node = "ledger-crash";
    private PostgresDatabase _db = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _db = await PostgresDatabase.CreateAsync(nameof(LedgerCrashProcessTests));

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AcknowledgedOperationsKeepTheirReceiptsAcrossKill9AndTamperingIsNamed()
    {
        var migrate = await ChildProcess.RunAsync("Enc.Silo.dll", ["db", "migrate", "--connection", _db.ConnectionString], TimeSpan.FromSeconds(60));
        Assert.True(migrate.ExitCode == 0, migrate.Stderr);
        Assert.Contains("Applied ledger schema version(s) 1.", migrate.Stdout, StringComparison.Ordinal);

        var dataDirectory = Directory.CreateTempSubdirectory("enc-ledger-crash-").FullName;
        var env = new Dictionary<string, string> { ["ENC_CONNECTIONSTRING"] = _db.ConnectionString, ["ENC_ADVERTISEDADDRESS"] = "127.0.0.1" };
        string[] args = ["--node-name", Node, "--data-dir", dataDirectory];
        var first = SiloProcess.Start(args, env);
        var acknowledged = new List<(string Subject, ReceiptKind Kind)>();
        var attempted = new List<(string Subject, ReceiptKind Kind)>();
        try
        {
            await first.WaitReadyAsync(TimeSpan.FromSeconds(120));
            var keyFile = Assert.Single(Directory.GetFiles(Path.Combine(dataDirectory, "keys")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(keyFile));

            await using (var client = await ConnectAsync())
            {
                using var stop = new CancellationTokenSource();
                var load = RunOperationsAsync(client, acknowledged, attempted, stop.Token);
                await Eventually.WaitAsync(() => Task.FromResult(Count(acknowledged)), n => n >= 24, TimeSpan.FromSeconds(90), "24 acknowledged operations");
                await first.Process.KillAsync(); // SIGKILL while operations are in flight
                await stop.CancelAsync();
                await load;
            }

            await using var second = SiloProcess.Start(args, env);
            await second.WaitReadyAsync(TimeSpan.FromSeconds(120));
            await using (var client = await ConnectAsync())
            {
                // Receipts left in outboxes are drained when their grains' reminders wake them (period 1 minute).
                foreach (var group in Snapshot(acknowledged).GroupBy(a => a.Subject))
                {
                    var history = await Eventually.WaitAsync(() => client.Ledger.GetHistoryAsync(group.Key, Ct),
                        h => group.GroupBy(g => g.Kind).All(k => h.Count(r => r.Receipt.Kind == k.Key) >= k.Count()),
                        TimeSpan.FromSeconds(150), $"receipts of the acknowledged operations on {group.Key}");
                    foreach (var kind in history.GroupBy(r => r.Receipt.Kind))
                    {
                        Assert.True(kind.Count() <= Snapshot(attempted).Count(a => a.Subject == group.Key && a.Kind == kind.Key),
                            $"{group.Key}: {kind.Count()} {kind.Key} receipts for fewer operations");
                    }

                    Assert.Equal(history.Count, history.Select(r => r.Receipt.Id).Distinct().Count());
                    ReceiptFlowTests.AssertChained(history, history[0].Receipt.SignerPublicKey);
                }
            }

            var verify = await Cli("ledger", "verify");
            Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
            Assert.StartsWith("ledger valid: ", verify.Stdout, StringComparison.Ordinal);
            await CheckCliAsync();
            await CheckTamperingAsync();
        }
        finally
        {
            await first.DisposeAsync();
        }
    }

    private async Task CheckCliAsync()
    {
        var receipts = await Cli("receipts", "w-0", "-o", "json");
        Assert.True(receipts.ExitCode == 0, receipts.Stderr);
        using var history = JsonDocument.Parse(receipts.Stdout);
        Assert.True(history.RootElement.GetProperty("chainValid").GetBoolean());
        var id = history.RootElement.GetProperty("receipts")[0].GetProperty("id").GetString()!;
        Assert.Equal("WorkloadSubmitted", history.RootElement.GetProperty("receipts")[0].GetProperty("kind").GetString());

        var receipt = await Cli("receipt", id, "-o", "json");
        Assert.True(receipt.ExitCode == 0, receipt.Stdout + receipt.Stderr);
        using (var proof = JsonDocument.Parse(receipt.Stdout))
        {
            Assert.True(proof.RootElement.GetProperty("verified").GetBoolean());
        }

        var head = await Cli("ledger", "head", "-o", "json");
        Assert.True(head.ExitCode == 0, head.Stdout + head.Stderr);
        using var headJson = JsonDocument.Parse(head.Stdout);
        var size = headJson.RootElement.GetProperty("head").GetProperty("size").GetInt64();
        var proofCli = await Cli("ledger", "proof", "--from", "1", "--to", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(proofCli.ExitCode == 0, proofCli.Stdout + proofCli.Stderr);

        var node = await Cli("node", "show", Node, "-o", "json");
        using var nodeJson = JsonDocument.Parse(node.Stdout);
        Assert.Equal(96, nodeJson.RootElement.GetProperty("publicKey").GetString()!.Length);
    }

    private async Task CheckTamperingAsync()
    {
        await using var connection = new NpgsqlConnection(_db.ConnectionString);
        await connection.OpenAsync(Ct);
        foreach (var sql in new[] { "UPDATE ledger_entries SET subject = 'x' WHERE position = 3", "DELETE FROM ledger_entries WHERE position = 3", "TRUNCATE ledger_entries" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));
            Assert.Equal("EL001", refused.SqlState);
        }

        var clean = await Cli("ledger", "verify");
        Assert.Equal(0, clean.ExitCode);

        // A superuser can switch triggers off: flip one byte of entry 5's encoding behind the trigger's back.
        await using (var bypass = new NpgsqlCommand("""
            SET session_replication_role = replica;
            UPDATE ledger_entries SET encoding = set_byte(encoding, 150, get_byte(encoding, 150) # 1) WHERE position = 5;
            SET session_replication_role = origin;
            """, connection))
        {
            await bypass.ExecuteNonQueryAsync(Ct);
        }

        var tampered = await Cli("ledger", "verify");
        Assert.Equal(1, tampered.ExitCode);
        Assert.StartsWith("ledger INVALID at entry 5: ", tampered.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Submit, update and stop workloads one after another, recording what was acknowledged.</summary>
    private static async Task RunOperationsAsync(EncClient client, List<(string, ReceiptKind)> acknowledged, List<(string, ReceiptKind)> attempted, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var name = $"w-{i}";
            var subject = ReceiptSubjects.Workload($"default/{name}");
            (ReceiptKind Kind, Func<Task> Call)[] operations =
            [
                (ReceiptKind.WorkloadSubmitted, () => client.Workloads.SubmitAsync(Spec(name, "1"), CancellationToken.None)),
                (ReceiptKind.WorkloadUpdated, () => client.Workloads.ApplyAsync(Spec(name, "2"), CancellationToken.None)),
                (ReceiptKind.WorkloadStopped, () => client.Workloads.StopAsync(name, CancellationToken.None)),
            ];
            foreach (var (kind, call) in operations)
            {
                lock (attempted)
                {
                    attempted.Add((subject, kind));
                }

                try
                {
                    await call().WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    return; // the silo is gone: this operation was not acknowledged
                }

                lock (acknowledged)
                {
                    acknowledged.Add((subject, kind));
                }
            }
        }
    }

    private static WorkloadSpec Spec(string name, string version) => WorkloadSpecLoader.ParseOrThrow($$"""
        name: {{name}}
        driver: process
        replicas: 0
        command: ["/bin/sleep", "600"]
        env: { VERSION: "{{version}}" }
        """);

    private static int Count(List<(string, ReceiptKind)> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    private static List<(string Subject, ReceiptKind Kind)> Snapshot(List<(string, ReceiptKind)> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }

    private Task<EncClient> ConnectAsync() => EncClient.ConnectAsync(new EncClientOptions { ConnectionString = _db.ConnectionString, ConnectTimeout = TimeSpan.FromSeconds(30) }, Ct);

    private Task<(int ExitCode, string Stdout, string Stderr)> Cli(params string[] args) => EncCli.RunAsync([.. args, "--connection", _db.ConnectionString]);
}
