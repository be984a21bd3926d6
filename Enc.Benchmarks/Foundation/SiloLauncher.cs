using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Enc.Benchmarks.Foundation;

/// <summary>Starts <c>Enc.Silo --dev</c> processes on free loopback ports and waits for <c>/readyz</c>.</summary>
internal sealed class SiloLauncher : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly Process _process;
    private readonly string _dataDirectory;

    private SiloLauncher(Process process, int gatewayPort, int httpPort, string dataDirectory)
    {
        _process = process;
        GatewayPort = gatewayPort;
        HttpPort = httpPort;
        _dataDirectory = dataDirectory;
    }

    public int GatewayPort { get; }

    public int HttpPort { get; }

    /// <summary>Path of the built silo, in the same configuration as this tool.</summary>
    public static string SiloAssembly(string configuration)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Enc.sln")))
            {
                var path = Path.Combine(dir.FullName, "Enc.Silo", "bin", configuration, "net10.0", "Enc.Silo.dll");
                return File.Exists(path) ? path : throw new FileNotFoundException($"Build Enc.Silo -c {configuration} first: {path}");
            }
        }

        throw new InvalidOperationException("Enc.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Starts a dev silo process (stdout/stderr discarded).</summary>
    public static SiloLauncher Start(string siloAssembly, params string[] extraArgs) => StartMode(siloAssembly, ["--dev", .. extraArgs]);

    /// <summary>
    /// Starts a production-mode silo process on PostgreSQL (<paramref name="connectionString"/>, schema already
    /// migrated) as node <paramref name="nodeName"/> of cluster <paramref name="clusterId"/> (stdout/stderr discarded).
    /// </summary>
    public static SiloLauncher StartProduction(string siloAssembly, string connectionString, string clusterId, string nodeName) =>
        StartMode(siloAssembly, ["--connection", connectionString, "--cluster-id", clusterId, "--service-id", clusterId, "--node-name", nodeName, "--advertised-address", "127.0.0.1"]);

    private static SiloLauncher StartMode(string siloAssembly, string[] modeArgs)
    {
        var gatewayPort = FreePort();
        var httpPort = FreePort();
        var dataDirectory = Directory.CreateTempSubdirectory("enc-bench-").FullName;
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dataDirectory };
        foreach (var arg in new[] { siloAssembly, "--silo-port", Port(FreePort()), "--gateway-port", Port(gatewayPort), "--http-port", Port(httpPort), "--data-dir", dataDirectory }.Concat(modeArgs))
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloLauncher(process, gatewayPort, httpPort, dataDirectory);
    }

    /// <summary>Polls /readyz every 20 ms until it answers 200.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Enc.Silo exited with {_process.ExitCode}");
            }

            try
            {
                using var response = await Http.GetAsync($"http://127.0.0.1:{HttpPort}/readyz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("Enc.Silo did not become ready.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
