using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using Enc.Client;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Benchmarks.Workloads;

/// <summary>
/// Load tool (not BenchmarkDotNet: each sample starts a real container): time from submit to Running for
/// N sequential and N concurrent workloads on a development-mode silo with the Docker driver, against raw
/// Docker create+start of the same image, command and limits measured in the same run. Both request CPU
/// <see cref="CpuRequestMillicores"/> the way ENC enforces a request (cgroup CPU shares, no CFS quota).
/// ENC's "Running" time is the timestamp of the workload's Running event (written when the agent reports
/// the started container), so the client's polling interval does not inflate it.
/// The silo is a separate <c>Enc.Silo --dev</c> process (built in Release first), as in real use.
/// Usage: <c>dotnet build -c Release Enc.Silo &amp;&amp; dotnet run -c Release --project Enc.Benchmarks -- --workloads [N] [image]</c>.
/// </summary>
public static class WorkloadStartLoad
{
    /// <summary>CPU request of every benchmark workload (ENC reserves it and sets shares; no hard limit).</summary>
    public const long CpuRequestMillicores = 10;

    /// <summary>Runs the measurement and prints a table.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var image = args.Length > 1 ? args[1] : "busybox:local";
        var dataDirectory = Directory.CreateTempSubdirectory("enc-bench-").FullName;
        var engineUri = new Uri(Environment.GetEnvironmentVariable("ENC_TEST_DOCKER") ?? "unix:///var/run/docker.sock");
        using var engine = new DockerClientConfiguration(engineUri).CreateClient();
        var clusterId = "bench-" + Guid.NewGuid().ToString("N")[..6];
        using var silo = StartSilo(dataDirectory, clusterId);
        try
        {
            await using var client = await EncClient.ConnectAsync(new EncClientOptions { Gateway = "127.0.0.1:30300", ClusterId = clusterId, ConnectTimeout = TimeSpan.FromSeconds(60) });
            await WaitReadyAsync(client);

            // Warm-up: one of each path (JIT, grain activations, image layers in the page cache).
            await RawDockerAsync(engine, image, 1, concurrent: false, "warm");
            await EncAsync(client, image, 1, concurrent: false, "warm");
            await CleanAsync(client, engine);

            // Each run starts from an engine with no benchmark containers: a container's start slows down as
            // the number of running containers grows, so both sides must see the same counts.
            var rows = new List<(string Name, double[] Ms)>();
            async Task Measure(string name, Func<Task<double[]>> run)
            {
                rows.Add((name, await run()));
                await CleanAsync(client, engine);
            }

            // Sequential samples alternate raw and ENC one by one, so that the engine's drift over minutes
            // (a start on this VM varies between 0.6 and 1.1 s from one minute to the next) hits both sides alike.
            var (rawSequential, encSequential) = await AlternatingAsync(n, i => RawDockerAsync(engine, image, 1, concurrent: false, $"seq{i}"), i => EncAsync(client, image, 1, concurrent: false, $"seq{i}"));
            rows.Add(("raw docker create+start, sequential (alternating with ENC)", rawSequential));
            rows.Add(("ENC submit->Running, sequential (alternating with raw)", encSequential));
            await CleanAsync(client, engine);
            await Measure("raw docker create+start, concurrent", () => RawDockerAsync(engine, image, n, concurrent: true, "con"));
            await Measure("ENC submit->Running, concurrent", () => EncAsync(client, image, n, concurrent: true, "con"));

            Console.WriteLine($"| run ({n} workloads) | p50 ms | p99 ms | max ms |");
            Console.WriteLine("| --- | ---: | ---: | ---: |");
            foreach (var (name, ms) in rows)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Percentile(ms, 0.50):0.0} | {Percentile(ms, 0.99):0.0} | {ms.Max():0.0} |"));
            }

            for (var i = 0; i < rows.Count; i += 2)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ratio ENC/raw ({(i == 0 ? "sequential" : "concurrent")}): p50 {Percentile(rows[i + 1].Ms, 0.5) / Percentile(rows[i].Ms, 0.5):0.00}x, p99 {Percentile(rows[i + 1].Ms, 0.99) / Percentile(rows[i].Ms, 0.99):0.00}x"));
            }

            return 0;
        }
        finally
        {
            silo.Kill(entireProcessTree: true);
            await silo.WaitForExitAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static Process StartSilo(string dataDirectory, string clusterId)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Enc.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("Enc.sln not found above " + AppContext.BaseDirectory);
        }

        var dll = Path.Combine(root, "Enc.Silo", "bin", "Release", "net10.0", "Enc.Silo.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} not found: run dotnet build -c Release Enc.Silo first");
        }

        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "--dev", "--node-name", "bench", "--data-dir", dataDirectory, "--cluster-id", clusterId, "--silo-port", "11311", "--gateway-port", "30300", "--http-port", "8489" })
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<double[]> RawDockerAsync(DockerClient engine, string image, int n, bool concurrent, string tag)
    {
        async Task<double> One(int i)
        {
            var sw = Stopwatch.StartNew();
            var created = await engine.Containers.CreateContainerAsync(new CreateContainerParameters
            {
                Name = $"encbench-raw-{tag}-{i}-{Guid.NewGuid().ToString("N")[..6]}",
                Image = image,
                Entrypoint = ["sleep", "3600"],
                Labels = new Dictionary<string, string> { ["encbench"] = "raw" },
                HostConfig = new HostConfig
                {
                    NetworkMode = "none",
                    CPUShares = Agent.Drivers.CpuCgroupValues.SharesFor(CpuRequestMillicores),
                    Memory = 16L << 20,
                    MemorySwap = 16L << 20,
                    Init = true,
                },
            });
            await engine.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
            return sw.Elapsed.TotalMilliseconds;
        }

        return concurrent ? await Task.WhenAll(Enumerable.Range(0, n).Select(One)) : await Sequential(n, One);
    }

    private static async Task<double[]> EncAsync(EncClient client, string image, int n, bool concurrent, string tag)
    {
        async Task<double> One(int i)
        {
            var spec = new WorkloadSpec
            {
                Name = $"bench-{tag}-{i}",
                Namespace = "bench",
                Driver = WorkloadDriver.Docker,
                Image = image,
                Command = ["sleep", "3600"],
                Resources = new WorkloadResources { CpuMillicores = CpuRequestMillicores, MemoryBytes = 16L << 20 },
                StopGracePeriod = TimeSpan.FromSeconds(1),
            };
            var submitted = DateTimeOffset.UtcNow;
            await client.Workloads.SubmitAsync(spec);
            while (true)
            {
                var running = (await client.Workloads.EventsAsync(spec.Id)).FirstOrDefault(e => e.Kind == nameof(InstanceState.Running));
                if (running is not null)
                {
                    return (running.At - submitted).TotalMilliseconds;
                }

                await Task.Delay(100);
            }
        }

        return concurrent ? await Task.WhenAll(Enumerable.Range(0, n).Select(One)) : await Sequential(n, One);
    }

    private static async Task<(double[] First, double[] Second)> AlternatingAsync(int n, Func<int, Task<double[]>> first, Func<int, Task<double[]>> second)
    {
        var (a, b) = (new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            a[i] = (await first(i))[0];
            b[i] = (await second(i))[0];
        }

        WriteSamples("sequential", a, b);
        return (a, b);
    }

    // With ENC_BENCH_SAMPLES=<file>, every sample is appended as "mode,index,raw ms,ENC ms" (to look at tails).
    private static void WriteSamples(string mode, double[] raw, double[] enc)
    {
        if (Environment.GetEnvironmentVariable("ENC_BENCH_SAMPLES") is not { Length: > 0 } path)
        {
            return;
        }

        File.AppendAllLines(path, raw.Zip(enc, (r, e) => (r, e)).Select((pair, i) => string.Create(CultureInfo.InvariantCulture, $"{mode},{i},{pair.r:0.0},{pair.e:0.0}")));
    }

    private static async Task<double[]> Sequential(int n, Func<int, Task<double>> one)
    {
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = await one(i);
        }

        return result;
    }

    private static async Task CleanAsync(EncClient client, DockerClient engine)
    {
        foreach (var w in await client.Workloads.ListAsync("bench"))
        {
            await client.Workloads.DeleteAsync(w.Id);
        }

        var raw = await engine.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { ["encbench=raw"] = true } },
        });
        await Task.WhenAll(raw.Select(c => engine.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true })));
        for (var i = 0; i < 600 && (await engine.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { ["enc.managed=true"] = true } },
        })).Any(c => c.Labels.TryGetValue("enc.workload", out var w) && w.StartsWith("bench/", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100);
        }
    }

    private static async Task WaitReadyAsync(EncClient client)
    {
        for (var i = 0; i < 300; i++)
        {
            if ((await client.Nodes.ListAsync()).Any(n => n.Status == Grains.Interfaces.Nodes.NodeStatus.Ready))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the benchmark silo's node never became Ready");
    }

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
