using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Workloads.Agent;
using Microsoft.Extensions.Logging;

namespace Enc.Cluster.Tests.Unit;

/// <summary>
/// The workload agent's pass loop: a stop that cancels the pass in progress is normal shutdown (nothing at
/// Warning or above, <see cref="ReconcileLoop.StopAsync"/> returns normally), also when the host's stop deadline
/// passes first; failures that are not the stop's own cancellation stay logged.
/// </summary>
public sealed class ReconcileLoopTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StopDuringAPass_CancelsThePass_AndLogsNothing()
    {
        var logger = new RecordingLogger();
        var started = new TaskCompletionSource();
        var cancelled = new TaskCompletionSource();
        using var loop = Started(logger,
            async ct =>
            {
                started.TrySetResult();
                using var registration = ct.Register(() => cancelled.TrySetResult());
                await Task.Delay(Timeout.Infinite, ct);
            });
        await started.Task.WaitAsync(Generous, Ct);

        await loop.StopAsync(CancellationToken.None).WaitAsync(Generous, Ct);

        Assert.True(cancelled.Task.IsCompleted, "the pass in progress saw the stop's cancellation");
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task StopBetweenPasses_EndsTheWait_AndLogsNothing()
    {
        var logger = new RecordingLogger();
        var passes = 0;
        using var loop = Started(logger, _ =>
        {
            Interlocked.Increment(ref passes);
            return Task.CompletedTask;
        });
        await Eventually.WaitAsync(() => Task.FromResult(Volatile.Read(ref passes)), p => p == 1, Generous, "the first pass");

        await loop.StopAsync(CancellationToken.None).WaitAsync(Generous, Ct);

        Assert.Equal(1, passes);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task HostStopDeadline_WhileAPassIgnoresCancellation_StopReturns_AndLogsOnlyInformation()
    {
        var logger = new RecordingLogger();
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        using var loop = Started(logger,
            async _ =>
            {
                started.TrySetResult();
                await release.Task; // a driver call that does not observe its token
            });
        await started.Task.WaitAsync(Generous, Ct);
        using var deadline = new CancellationTokenSource();
        await deadline.CancelAsync();

        await loop.StopAsync(deadline.Token).WaitAsync(Generous, Ct);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("stop deadline", entry.Message, StringComparison.Ordinal);
        release.SetResult();
    }

    [Fact]
    public async Task AFailingPass_IsLoggedAtWarning_AndTheNextPassRunsWhenWoken()
    {
        var logger = new RecordingLogger();
        var passes = 0;
        var second = new TaskCompletionSource();
        using var loop = Started(logger,
            _ =>
            {
                if (Interlocked.Increment(ref passes) == 1)
                {
                    throw new InvalidOperationException("node grain unavailable");
                }

                second.TrySetResult();
                return Task.CompletedTask;
            });
        await Eventually.WaitAsync(() => Task.FromResult(logger.Entries.Count), c => c == 1, Generous, "the failed pass logged");

        loop.Wake();
        await second.Task.WaitAsync(Generous, Ct);
        await loop.StopAsync(CancellationToken.None).WaitAsync(Generous, Ct);

        AssertOneWarning<InvalidOperationException>(logger);
    }

    [Fact]
    public async Task ACancellationTheStopDidNotCause_IsAFailedPass()
    {
        var logger = new RecordingLogger();
        using var timedOut = new CancellationTokenSource();
        await timedOut.CancelAsync();
        using var loop = Started(logger,
            _ => throw new TaskCanceledException("the engine call timed out", null, timedOut.Token));
        await Eventually.WaitAsync(() => Task.FromResult(logger.Entries.Count), c => c == 1, Generous, "the timed-out pass logged");

        await loop.StopAsync(CancellationToken.None).WaitAsync(Generous, Ct);

        AssertOneWarning<TaskCanceledException>(logger);
    }

    [Fact]
    public async Task APassFailingOtherwiseWhileStopping_IsStillLogged()
    {
        var logger = new RecordingLogger();
        var started = new TaskCompletionSource();
        using var loop = Started(logger,
            async ct =>
            {
                started.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    throw new IOException("connection reset while reading the task list");
                }
            });
        await started.Task.WaitAsync(Generous, Ct);

        await loop.StopAsync(CancellationToken.None).WaitAsync(Generous, Ct);

        AssertOneWarning<IOException>(logger);
    }

    /// <summary>A started loop (interval one hour: passes after the first run only when woken).</summary>
    private static ReconcileLoop Started(RecordingLogger logger, Func<CancellationToken, Task> pass)
    {
        var loop = new ReconcileLoop(pass, TimeSpan.FromHours(1), logger, "node-a");
        loop.Start();
        return loop;
    }

    private static void AssertOneWarning<TException>(RecordingLogger logger)
        where TException : Exception
    {
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.IsType<TException>(entry.Exception);
    }
}
