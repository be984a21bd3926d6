using Microsoft.Extensions.Logging;

namespace Enc.Grains.Workloads.Agent;

/// <summary>
/// The workload agent's pass loop: runs a reconcile pass, then waits for a wake-up or the interval, until
/// stopped. A failed pass is logged and the next one runs; stopping cancels the pass in progress.
/// </summary>
/// <remarks>
/// Stopping is normal shutdown, not a fault: the pass in progress sees the loop's stopping token, and a
/// cancellation it raises while the loop stops ends the loop quietly; if the host's stop token runs out while
/// a pass still ignores its cancellation, <see cref="StopAsync"/> stops waiting for it (the pass ends on its
/// own; tasks keep running and are adopted when the silo comes back). Any other exception a pass throws is
/// logged at Warning as before (the pass is retried while the loop runs), and an exception that ends the loop
/// itself propagates from <see cref="StopAsync"/>, so the silo's lifecycle logs it at Error.
/// </remarks>
public sealed partial class ReconcileLoop : IDisposable
{
    private readonly Func<CancellationToken, Task> _pass;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly string _node;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>Creates the loop; <paramref name="pass"/> runs one pass and must observe its token.</summary>
    public ReconcileLoop(Func<CancellationToken, Task> pass, TimeSpan interval, ILogger logger, string node)
    {
        _pass = pass ?? throw new ArgumentNullException(nameof(pass));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero, nameof(interval));
        _interval = interval;
        _node = node;
    }

    /// <summary>Starts the loop on the thread pool (the first pass runs at once).</summary>
    public void Start() => _loop = Task.Run(RunAsync, CancellationToken.None);

    /// <summary>Asks for a pass now (coalesced with one already asked for).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount != 0)
        {
            return;
        }

        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>
    /// Cancels the pass in progress and waits for the loop to end, at most until <paramref name="hostStop"/>
    /// (the host's stop deadline) is cancelled. Returns normally for either; other exceptions propagate.
    /// </summary>
    public async Task StopAsync(CancellationToken hostStop)
    {
        await _stopping.CancelAsync();
        try
        {
            await _loop.WaitAsync(hostStop);
        }
        catch (OperationCanceledException) when (hostStop.IsCancellationRequested && !_loop.IsCompleted)
        {
            LogStopDeadline(_logger, _node);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping.Dispose();
        _wake.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await _pass(token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return; // the stop cancelled the pass in progress
            }
            catch (Exception ex)
            {
                LogPassFailed(_logger, ex, _node);
            }

            try
            {
                await _wake.WaitAsync(_interval, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconcile pass of node {Node} failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workload agent of node {Node} stopped before its reconcile pass ended (the host's stop deadline passed); the pass ends on its own")]
    private static partial void LogStopDeadline(ILogger logger, string node);
}
