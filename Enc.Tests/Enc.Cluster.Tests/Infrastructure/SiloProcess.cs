using System.Diagnostics;
using System.Globalization;

namespace Enc.Cluster.Tests.Infrastructure;

/// <summary>An <c>Enc.Silo</c> child process on free loopback ports.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private SiloProcess(ChildProcess process, int gatewayPort, int httpPort, string dataDirectory)
    {
        Process = process;
        GatewayPort = gatewayPort;
        HttpPort = httpPort;
        DataDirectory = dataDirectory;
    }

    /// <summary>The process.</summary>
    public ChildProcess Process { get; }

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; }

    /// <summary>HTTP endpoint port.</summary>
    public int HttpPort { get; }

    /// <summary>The data directory (deleted on dispose).</summary>
    public string DataDirectory { get; }

    /// <summary><c>--gateway</c> value for <c>enc</c>.</summary>
    public string Gateway => $"127.0.0.1:{GatewayPort}";

    /// <summary>Base URL of the HTTP endpoint.</summary>
    public string BaseUrl => $"http://127.0.0.1:{HttpPort}";

    /// <summary>
    /// Starts <c>Enc.Silo</c> with <paramref name="args"/> plus free ports and a fresh data directory
    /// for each of those flags that <paramref name="args"/> does not set itself.
    /// </summary>
    public static SiloProcess Start(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var all = args.ToList();
        string Flag(string name, Func<string> value)
        {
            var index = all.IndexOf(name);
            if (index >= 0)
            {
                return all[index + 1];
            }

            all.AddRange([name, value()]);
            return all[^1];
        }

        static string Port() => FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        Flag("--silo-port", Port);
        var gatewayPort = int.Parse(Flag("--gateway-port", Port), CultureInfo.InvariantCulture);
        var httpPort = int.Parse(Flag("--http-port", Port), CultureInfo.InvariantCulture);
        var dataDirectory = Flag("--data-dir", () => Directory.CreateTempSubdirectory("enc-silo-").FullName);
        Directory.CreateDirectory(dataDirectory);
        return new SiloProcess(ChildProcess.Start("Enc.Silo.dll", all, environment, dataDirectory), gatewayPort, httpPort, dataDirectory);
    }

    /// <summary>Polls <c>/readyz</c> until it answers 200; returns the time it took. Fails if the process exits.</summary>
    public async Task<TimeSpan> WaitReadyAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"Enc.Silo exited with {Process.ExitCode}.\nstdout:\n{Process.Stdout}\nstderr:\n{Process.Stderr}");
            }

            try
            {
                using var response = await Http.GetAsync($"{BaseUrl}/readyz");
                if (response.IsSuccessStatusCode)
                {
                    return watch.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Enc.Silo not ready within {timeout}.\nstdout:\n{Process.Stdout}\nstderr:\n{Process.Stderr}");
    }

    /// <summary>GET on the HTTP endpoint: (status code, body).</summary>
    public async Task<(int Status, string Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(BaseUrl + path);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
