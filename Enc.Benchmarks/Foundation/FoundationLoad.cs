using System.Diagnostics;
using System.Globalization;
using Enc.Client;
using Enc.Grains.Interfaces.Nodes;

namespace Enc.Benchmarks.Foundation;

/// <summary>
/// Foundation load tool: dev-silo start time (process start → <c>/readyz</c> 200) against the bare
/// process start of the same binary (<c>Enc.Silo --help</c>), and client grain-call throughput over
/// the TCP gateway (raw node grain call vs <c>EncClient.Nodes.GetAsync</c>) at concurrency 1 and C.
/// Usage: <c>Enc.Benchmarks --foundation [--runs 5] [--seconds 5] [--concurrency 64] [--configuration Release]</c>.
/// </summary>
public static class FoundationLoad
{
    /// <summary>Runs the measurements and prints a Markdown report.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Arg(args, "--runs", 5);
        var seconds = Arg(args, "--seconds", 5);
        var concurrency = Arg(args, "--concurrency", 64);
        var configuration = args.SkipWhile(a => a != "--configuration").Skip(1).FirstOrDefault() ?? "Release";
        var silo = SiloLauncher.SiloAssembly(configuration);

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; date {DateTime.UtcNow:u}");
        var bare = new List<double>();
        var ready = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            bare.Add(await TimeBareStartAsync(silo));
            var watch = Stopwatch.StartNew();
            await using var launcher = SiloLauncher.Start(silo);
            await launcher.WaitReadyAsync(TimeSpan.FromSeconds(120));
            ready.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine();
        Console.WriteLine("| measurement | runs | min ms | median ms | max ms |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        Row("baseline: `Enc.Silo --help` process start to exit", bare);
        Row("`Enc.Silo --dev` process start to /readyz 200", ready);
        Console.WriteLine($"\nratio (median ready / median bare start): {Median(ready) / Median(bare):0.0}x");

        await using var server = SiloLauncher.Start(silo);
        await server.WaitReadyAsync(TimeSpan.FromSeconds(120));
        await using var client = await EncClient.ConnectAsync(new EncClientOptions { Gateway = $"127.0.0.1:{server.GatewayPort}" });
        var name = (await client.Nodes.ListAsync()).Single().Name;
        var node = client.GrainFactory.GetGrain<INodeGrain>(name);

        Console.WriteLine();
        Console.WriteLine("| client call | concurrency | calls/s | p50 µs | p99 µs |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var c in new[] { 1, concurrency })
        {
            await Throughput("raw `INodeGrain.GetAsync` (1 grain call)", c, seconds, () => node.GetAsync());
            await Throughput("`EncClient.Nodes.GetAsync` (2 grain calls)", c, seconds, () => client.Nodes.GetAsync(name));
        }

        return 0;
    }

    private static async Task<double> TimeBareStartAsync(string silo)
    {
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("dotnet") { ArgumentList = { silo, "--help" }, RedirectStandardOutput = true, UseShellExecute = false })!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task Throughput<T>(string label, int concurrency, int seconds, Func<Task<T>> call)
    {
        // Warm up, then run `concurrency` closed loops for the duration; every call's latency is kept.
        for (var i = 0; i < 200; i++)
        {
            await call();
        }

        var deadline = Stopwatch.StartNew();
        var latencies = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var mine = new List<double>();
            while (deadline.Elapsed.TotalSeconds < seconds)
            {
                var start = Stopwatch.GetTimestamp();
                await call();
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }

            return mine;
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var rate = all.Length / deadline.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {concurrency} | {rate:0} | {all[all.Length / 2]:0} | {all[(int)(all.Length * 0.99)]:0} |"));
    }

    private static void Row(string label, List<double> values) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {values.Count} | {values.Min():0} | {Median(values):0} | {values.Max():0} |"));

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static int Arg(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
