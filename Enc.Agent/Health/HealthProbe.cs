using System.Net.Sockets;
using Enc.Agent.Drivers;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Health;

/// <summary>
/// Runs one health probe: exec through the task's driver (exit 0 = healthy), a TCP connect to
/// <c>127.0.0.1:port</c>, or an HTTP GET on <c>http://127.0.0.1:port/path</c> (2xx/3xx = healthy).
/// Probes only reach loopback: instances with TCP/HTTP checks use host networking.
/// </summary>
public sealed class HealthProbe : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Probes <paramref name="taskId"/>; <paramref name="ports"/> resolves named ports.</summary>
    public async Task<HealthProbeResult> ProbeAsync(
        WorkloadHealthCheck check, ITaskDriver driver, string taskId, IReadOnlyDictionary<string, int> ports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(driver);
        switch (check.Type)
        {
            case HealthCheckType.Exec:
                var exec = await driver.ExecAsync(taskId, check.Command, check.Timeout, cancellationToken).ConfigureAwait(false);
                return exec.ExitCode == 0
                    ? HealthProbeResult.Healthy
                    : HealthProbeResult.Unhealthy($"exec exited with {exec.ExitCode}: {exec.Output.Trim()}");
            case HealthCheckType.Tcp:
            case HealthCheckType.Http:
                var port = check.PortName is { } name ? ports.GetValueOrDefault(name) : check.Port;
                if (port <= 0)
                {
                    return HealthProbeResult.Unhealthy($"port '{check.PortName}' has no assigned host port");
                }

                return check.Type == HealthCheckType.Tcp
                    ? await TcpAsync(port, check.Timeout, cancellationToken).ConfigureAwait(false)
                    : await HttpAsync(port, check.Path, check.Timeout, cancellationToken).ConfigureAwait(false);
            default:
                return HealthProbeResult.Unhealthy($"unknown check type {check.Type}");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static async Task<HealthProbeResult> TcpAsync(int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(System.Net.IPAddress.Loopback, port, cts.Token).ConfigureAwait(false);
            return HealthProbeResult.Healthy;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthProbeResult.Unhealthy($"tcp connect to 127.0.0.1:{port} timed out");
        }
        catch (SocketException e)
        {
            return HealthProbeResult.Unhealthy($"tcp connect to 127.0.0.1:{port} failed: {e.SocketErrorCode}");
        }
    }

    private async Task<HealthProbeResult> HttpAsync(int port, string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        var url = new Uri($"http://127.0.0.1:{port}{path}");
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return status is >= 200 and < 400 ? HealthProbeResult.Healthy : HealthProbeResult.Unhealthy($"GET {url} returned {status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthProbeResult.Unhealthy($"GET {url} timed out");
        }
        catch (HttpRequestException e)
        {
            return HealthProbeResult.Unhealthy($"GET {url} failed: {e.Message}");
        }
    }
}
