using System.Diagnostics;
using System.Globalization;
using Enc.Benchmarks.Foundation;
using Enc.Client;
using Enc.Grains.Interfaces.Workloads;
using Npgsql;

namespace Enc.Benchmarks.Workloads;

/// <summary>
/// Load tool: what an agent's report costs a workload grain whose state lives in PostgreSQL. A production-mode
/// <c>Enc.Silo</c> process (its own throwaway database) runs N process workloads; the tool then sends every
/// workload rounds of reports the way the agent's 30-second full report does (all workloads at once, one
/// instance each) and times each round until every grain has applied it, counting state writes from the
/// storage table's version column. Two kinds of round alternate in the same run: an unchanged report (what
/// nearly every full report is) and the baseline, a report whose reason text changes every round (a real
/// change without an event or receipt: one state write per report, which is what every report cost before
/// writes were skipped).
/// Usage: <c>dotnet build -c Release Enc.Silo &amp;&amp; dotnet run -c Release --project Enc.Benchmarks -- --workload-reports
/// [workloads 50] [rounds 20]</c>, with <c>ENC_TEST_POSTGRES</c> naming the server.
/// </summary>
public static class WorkloadReportLoad
{
    /// <summary>Runs the measurement and prints a table.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var server = Environment.GetEnvironmentVariable("ENC_TEST_POSTGRES") is { Length: > 0 } s
            ? s
            : throw new InvalidOperationException("ENC_TEST_POSTGRES is not set: set it to the PostgreSQL server's connection string.");
        var database = $"enc_bench_reports_{Guid.NewGuid():N}"[..40];
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        try
        {
            var silo = SiloLauncher.SiloAssembly("Release");
            await MigrateAsync(silo, connectionString);
            var clusterId = "bench-" + Guid.NewGuid().ToString("N")[..6];
            await using var launcher = SiloLauncher.StartProduction(silo, connectionString, clusterId, "bench-node");
            await launcher.WaitReadyAsync(TimeSpan.FromSeconds(120));
            await using var client = await EncClient.ConnectAsync(new EncClientOptions { ConnectionString = connectionString, ClusterId = clusterId, ServiceId = clusterId, ConnectTimeout = TimeSpan.FromSeconds(60) });
            var instances = await StartWorkloadsAsync(client, n);
            await Task.Delay(TimeSpan.FromSeconds(5)); // let the ledger confirm the start receipts (those confirmations write too)

            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; date {DateTime.UtcNow:u}; {n} workloads, {rounds} rounds per run");
            var unchanged = new List<double>();
            var changed = new List<double>();
            long unchangedWrites = 0, changedWrites = 0;
            for (var pass = 0; pass < 2; pass++)
            {
                var (ms, writes) = await RoundsAsync(client, connectionString, instances, rounds, changeReason: false);
                unchanged.AddRange(ms);
                unchangedWrites += writes;
                (ms, writes) = await RoundsAsync(client, connectionString, instances, rounds, changeReason: true);
                changed.AddRange(ms);
                changedWrites += writes;
            }

            var reports = 2.0 * rounds * n;
            Console.WriteLine($"| report round ({n} workloads at once) | rounds | p50 ms | mean ms | reports/s | state writes per report |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
            Row("baseline: every report changes the record (one write each, the old cost)", changed, n, changedWrites / reports);
            Row("unchanged report (the agent's periodic full report)", unchanged, n, unchangedWrites / reports);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio baseline/unchanged: p50 {Median(changed) / Median(unchanged):0.00}x, mean {changed.Average() / unchanged.Average():0.00}x; writes {changedWrites} vs {unchangedWrites}"));

            foreach (var workload in instances.Keys)
            {
                await client.Workloads.DeleteAsync(workload);
            }

            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static async Task<Dictionary<string, WorkloadInstance>> StartWorkloadsAsync(EncClient client, int n)
    {
        for (var i = 0; i < n; i++)
        {
            await client.Workloads.SubmitAsync(new WorkloadSpec
            {
                Name = $"report-{i}",
                Driver = WorkloadDriver.Process,
                Command = ["/bin/sleep", "3600"],
                Resources = new WorkloadResources { CpuMillicores = 10, MemoryBytes = 4L << 20 },
            });
        }

        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var running = (await client.Workloads.InstancesAsync()).Where(i => i.State == InstanceState.Running).ToList();
            if (running.Count == n)
            {
                return running.ToDictionary(i => i.WorkloadId, StringComparer.Ordinal);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{running.Count} of {n} workloads Running after 3 minutes");
            }

            await Task.Delay(200);
        }
    }

    // One run of rounds; returns each round's time and the state writes the run caused.
    private static async Task<(List<double> Ms, long Writes)> RoundsAsync(EncClient client, string connectionString, Dictionary<string, WorkloadInstance> instances, int rounds, bool changeReason)
    {
        // One untimed round first: it puts the record in the run's starting state (after a baseline run the
        // first unchanged report is a real change: it restores the reason).
        await RoundAsync(client, instances, changeReason ? "bench" : null);
        var times = new List<double>();
        var before = await WritesAsync(connectionString);
        for (var round = 0; round < rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            await RoundAsync(client, instances, changeReason ? $"bench {round % 2}" : null);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        await Task.Delay(TimeSpan.FromSeconds(1)); // Orleans does not promise the no-op request's order behind one-way reports
        var writes = await WritesAsync(connectionString) - before;
        var expected = changeReason ? $"bench {(rounds - 1) % 2}" : null;
        if ((await client.Workloads.InstancesAsync()).Count(i => i.Reason == expected) != instances.Count)
        {
            Console.WriteLine("warning: not every grain shows the last round's report (an agent report came in between)");
        }

        return (times, writes);
    }

    private static Task RoundAsync(EncClient client, Dictionary<string, WorkloadInstance> instances, string? reason) =>
        Task.WhenAll(instances.Select(async pair =>
        {
            var grain = client.GrainFactory.GetGrain<IWorkloadGrain>(pair.Key);
            // The agent's call shape: a collection expression (Orleans carries it as a List<T>, docs/orleans-wire.md).
            await grain.ReportAsync(pair.Value.NodeName!, [ReportOf(pair.Value, reason)]);
            await grain.EvacuateNodesAsync(Array.Empty<string>()); // reports are one-way: this no-op request returns once the report was applied
        }));

    private static InstanceStatusReport ReportOf(WorkloadInstance instance, string? reason) => new()
    {
        InstanceId = instance.InstanceId,
        WorkloadId = instance.WorkloadId,
        State = instance.State,
        TaskId = instance.TaskId,
        ExitCode = instance.ExitCode,
        Reason = reason ?? instance.Reason,
        StartedAt = instance.StartedAt,
        FinishedAt = instance.FinishedAt,
        RestartCount = instance.RestartCount,
        ObservedAt = DateTimeOffset.UtcNow,
    };

    // Every write of a workload grain's state increments its row's version.
    private static async Task<long> WritesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(sum(version), 0) FROM orleans_storage WHERE grain_type = 'workload'", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task MigrateAsync(string siloAssembly, string connectionString)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { siloAssembly, "db", "migrate", "--connection", connectionString })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"db migrate failed ({process.ExitCode}): {await error}");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void Row(string name, List<double> ms, int n, double writesPerReport) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {ms.Count} | {Median(ms):0.0} | {ms.Average():0.0} | {n / (ms.Average() / 1000):0} | {writesPerReport:0.00} |"));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
