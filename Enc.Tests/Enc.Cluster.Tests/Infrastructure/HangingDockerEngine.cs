using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Enc.Cluster.Tests.Infrastructure;

/// <summary>
/// A stand-in Docker engine on a unix socket (mock: a real engine cannot be made to hang on demand) that
/// answers <c>/_ping</c> and holds every other request open without answering, so a silo's reconcile pass
/// is reliably in progress, waiting on the engine, when the test stops the silo. Records request lines.
/// </summary>
public sealed class HangingDockerEngine : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly string _directory;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Task _accepting;

    private HangingDockerEngine(Socket listener, string directory)
    {
        _listener = listener;
        _directory = directory;
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The endpoint URI (<c>unix:///…</c>) to configure as the Docker endpoint.</summary>
    public string Endpoint => "unix://" + Path.Combine(_directory, "docker.sock");

    /// <summary>Request lines received so far (method and path).</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Starts listening on a fresh socket in a temporary directory.</summary>
    public static HangingDockerEngine Start()
    {
        var directory = Directory.CreateTempSubdirectory("enc-docker-").FullName;
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(Path.Combine(directory, "docker.sock")));
        listener.Listen(16);
        return new HangingDockerEngine(listener, directory);
    }

    /// <summary>Waits until a request whose line contains <paramref name="path"/> arrived.</summary>
    public async Task WaitForRequestAsync(string path, TimeSpan timeout)
    {
        try
        {
            await Eventually.WaitAsync(() => Task.FromResult(Requests), seen => seen.Any(r => r.Contains(path, StringComparison.Ordinal)), timeout, $"a request for {path}");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; requests seen: [{string.Join(", ", Requests)}]", e);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The listener was closed under the accept.
        }

        _stop.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var connection = await _listener.AcceptAsync(_stop.Token);
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(Socket connection)
    {
        using var _ = connection;
        using var stream = new NetworkStream(connection);
        try
        {
            while (await ReadHeadAsync(stream) is { } head)
            {
                var line = head[..head.IndexOfAny(['\r', '\n'])];
                _requests.Enqueue(line);
                if (!line.Contains("/_ping", StringComparison.Ordinal))
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token); // never answered
                }

                var reply = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nApi-Version: 1.45\r\nContent-Length: 2\r\n\r\nOK";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(reply), _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client gave up (cancelled its request) or the engine stops.
        }
    }

    /// <summary>
    /// Reads one request head up to its blank line (requests here carry no body; Docker.DotNet ends header lines
    /// with a bare LF and the head with CRLF); null when the client closed the connection.
    /// </summary>
    private async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        var lineLength = 0;
        while (true)
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                return null;
            }

            var c = (char)one[0];
            head.Append(c);
            if (c == '\n')
            {
                if (lineLength == 0 && head.Length > 2)
                {
                    return head.ToString();
                }

                lineLength = 0;
            }
            else if (c != '\r')
            {
                lineLength++;
            }
        }
    }
}
