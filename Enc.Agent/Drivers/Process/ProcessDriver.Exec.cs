using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Enc.Agent.Drivers.Process;

/// <summary>Exec (health checks) and log reading of <see cref="ProcessDriver"/>.</summary>
public sealed partial class ProcessDriver
{
    private static readonly TimeSpan LogPollInterval = TimeSpan.FromMilliseconds(200);

    /// <inheritdoc />
    public async Task<ExecResult> ExecAsync(string taskId, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (_store.Read(taskId) is not { } record || command.Count == 0)
        {
            return new ExecResult(-1, "no such task");
        }

        var psi = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = _store.TaskDirectory(taskId),
        };
        psi.Environment.Clear();
        foreach (var (k, v) in record.Environment)
        {
            psi.Environment[k] = v;
        }

        foreach (var arg in command.Skip(1))
        {
            psi.ArgumentList.Add(arg);
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        System.Diagnostics.Process process;
        try
        {
            process = System.Diagnostics.Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new ExecResult(-1, "exec failed: " + e.Message);
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
            var stderr = process.StandardError.ReadToEndAsync(cts.Token);
            try
            {
                await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
                var output = await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
                return new ExecResult(process.ExitCode, output.Length > 4096 ? output[..4096] : output);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return new ExecResult(-1, $"timed out after {timeout.TotalMilliseconds:0} ms");
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<LogEntry> ReadLogsAsync(string taskId, bool follow, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var stdout = new LogFileTail(_store.StdoutPath(taskId));
        using var stderr = new LogFileTail(_store.StderrPath(taskId));
        while (!cancellationToken.IsCancellationRequested)
        {
            // Read the state before the files: output written before an exit is then always seen.
            var running = follow && Inspect(taskId).State == TaskRunState.Running;
            foreach (var line in stdout.ReadLines())
            {
                yield return new LogEntry("stdout", line);
            }

            foreach (var line in stderr.ReadLines())
            {
                yield return new LogEntry("stderr", line);
            }

            if (!running)
            {
                break;
            }

            try
            {
                await Task.Delay(LogPollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }

        if (stdout.TakeRemainder() is { } outRest)
        {
            yield return new LogEntry("stdout", outRest);
        }

        if (stderr.TakeRemainder() is { } errRest)
        {
            yield return new LogEntry("stderr", errRest);
        }
    }
}
