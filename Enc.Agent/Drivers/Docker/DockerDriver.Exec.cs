using System.Runtime.CompilerServices;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Enc.Agent.Drivers.Docker;

/// <summary>Exec (health checks) and log streaming of <see cref="DockerDriver"/>.</summary>
public sealed partial class DockerDriver
{
    private const int MaxExecOutput = 4096;

    /// <inheritdoc />
    public async Task<ExecResult> ExecAsync(string taskId, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            var created = await _client.Exec.ExecCreateContainerAsync(
                taskId,
                new ContainerExecCreateParameters { Cmd = command.ToList(), AttachStdout = true, AttachStderr = true },
                cts.Token).ConfigureAwait(false);
            string output;
            using (var stream = await _client.Exec.StartAndAttachContainerExecAsync(created.ID, false, cts.Token).ConfigureAwait(false))
            {
                var (stdout, stderr) = await stream.ReadOutputToEndAsync(cts.Token).ConfigureAwait(false);
                output = Truncate(stdout + stderr);
            }

            var inspected = await _client.Exec.InspectContainerExecAsync(created.ID, cts.Token).ConfigureAwait(false);
            return new ExecResult((int)inspected.ExitCode, output);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ExecResult(-1, $"timed out after {timeout.TotalMilliseconds:0} ms");
        }
        catch (DockerApiException e)
        {
            return new ExecResult(-1, "exec failed: " + EngineMessage(e));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<LogEntry> ReadLogsAsync(string taskId, bool follow, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        MultiplexedStream stream;
        try
        {
            stream = await _client.Containers.GetContainerLogsAsync(
                taskId,
                false,
                new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Follow = follow },
                cancellationToken).ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            yield break;
        }

        using (stream)
        {
            var buffer = new byte[16 * 1024];
            var pending = new Dictionary<MultiplexedStream.TargetStream, StringBuilder>();
            while (true)
            {
                MultiplexedStream.ReadResult read;
                try
                {
                    read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }

                if (read.EOF)
                {
                    break;
                }

                if (!pending.TryGetValue(read.Target, out var sb))
                {
                    pending[read.Target] = sb = new StringBuilder();
                }

                sb.Append(Encoding.UTF8.GetString(buffer, 0, read.Count));
                foreach (var line in TakeCompleteLines(sb))
                {
                    yield return new LogEntry(StreamName(read.Target), line);
                }
            }

            foreach (var (target, sb) in pending)
            {
                if (sb.Length > 0)
                {
                    yield return new LogEntry(StreamName(target), sb.ToString());
                }
            }
        }
    }

    private static List<string> TakeCompleteLines(StringBuilder sb)
    {
        var lines = new List<string>();
        var text = sb.ToString();
        var start = 0;
        int newline;
        while ((newline = text.IndexOf('\n', start)) >= 0)
        {
            lines.Add(text[start..newline].TrimEnd('\r'));
            start = newline + 1;
        }

        sb.Clear().Append(text, start, text.Length - start);
        return lines;
    }

    private static string StreamName(MultiplexedStream.TargetStream target) =>
        target == MultiplexedStream.TargetStream.StandardError ? "stderr" : "stdout";

    private static string Truncate(string s) => s.Length <= MaxExecOutput ? s : s[..MaxExecOutput];
}
