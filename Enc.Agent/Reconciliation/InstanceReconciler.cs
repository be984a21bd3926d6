using System.Collections.Concurrent;
using Enc.Agent.Drivers;
using Enc.Agent.Health;
using Enc.Agent.Lifecycle;
using Enc.Grains.Interfaces.Workloads;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Enc.Agent.Reconciliation;

/// <summary>
/// Makes what runs on this node match the instances assigned to it. Each pass lists the driver's tasks
/// (by the <c>enc.managed</c> label), removes tasks of instances no longer assigned (orphans) and extra
/// tasks of one instance (duplicates), adopts running tasks it did not start, starts missing instances,
/// applies the restart policy with backoff to exited ones, and runs due health checks. Passes are
/// serialized, and a driver never runs two tasks for one instance (Docker: the container name is the
/// instance id), so instances are never duplicated, also across agent restarts.
/// </summary>
/// <remarks>Callers (the node agent) pass every assigned instance, finished ones flagged <see cref="DesiredInstance.Finished"/>.</remarks>
public sealed partial class InstanceReconciler : IDisposable
{
    private readonly ITaskDriver _driver;
    private readonly TimeProvider _time;
    private readonly InstanceReconcilerOptions _options;
    private readonly ILogger _logger;
    private readonly HealthProbe _probe = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, InstanceRuntime> _runtimes = new(StringComparer.Ordinal);

    /// <summary>Creates a reconciler over <paramref name="driver"/>.</summary>
    public InstanceReconciler(ITaskDriver driver, TimeProvider time, InstanceReconcilerOptions? options = null, ILogger<InstanceReconciler>? logger = null)
    {
        _driver = driver ?? throw new ArgumentNullException(nameof(driver));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options ?? new InstanceReconcilerOptions();
        _logger = logger ?? NullLogger<InstanceReconciler>.Instance;
    }

    /// <summary>The driver this reconciler runs instances with.</summary>
    public ITaskDriver Driver => _driver;

    /// <summary>The task id last associated with an instance (for logs), or null.</summary>
    public string? TaskIdOf(string instanceId) => _runtimes.TryGetValue(instanceId, out var rt) ? rt.TaskId : null;

    /// <summary>Runs one pass. <paramref name="desired"/> must hold each instance id once.</summary>
    public Task<ReconcileResult> ReconcileAsync(IReadOnlyCollection<DesiredInstance> desired, CancellationToken cancellationToken = default) =>
        ReconcileAsync(desired, onReport: null, cancellationToken);

    /// <summary>
    /// Runs one pass and hands each instance's report to <paramref name="onReport"/> as soon as that
    /// instance is handled (a started instance is reported when its start returns, not when the whole pass
    /// ends). <paramref name="onReport"/> may be called concurrently for different instances; a failure in
    /// it fails the pass.
    /// </summary>
    public async Task<ReconcileResult> ReconcileAsync(
        IReadOnlyCollection<DesiredInstance> desired,
        Func<InstanceStatusReport, CancellationToken, ValueTask>? onReport,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var byId = new Dictionary<string, DesiredInstance>(StringComparer.Ordinal);
        foreach (var d in desired)
        {
            if (!byId.TryAdd(d.InstanceId, d))
            {
                throw new ArgumentException($"instance {d.InstanceId} is listed twice", nameof(desired));
            }
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await PassAsync(byId, onReport, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _probe.Dispose();
        _gate.Dispose();
    }

    private async Task<ReconcileResult> PassAsync(
        Dictionary<string, DesiredInstance> desired,
        Func<InstanceStatusReport, CancellationToken, ValueTask>? onReport,
        CancellationToken ct)
    {
        var pass = new PassLog();
        var actual = await _driver.ListAsync(ct).ConfigureAwait(false);
        var current = new Dictionary<string, TaskInfo>(StringComparer.Ordinal);
        var doomed = new List<(TaskInfo Task, TimeSpan Grace)>();
        foreach (var group in actual.GroupBy(t => t.InstanceId, StringComparer.Ordinal))
        {
            if (!desired.TryGetValue(group.Key, out var d))
            {
                doomed.AddRange(group.Select(t => (t, _options.OrphanGracePeriod)));
                continue;
            }

            // Keep the running (then newest) task; any other is a duplicate.
            var ordered = group.OrderByDescending(t => t.State == TaskRunState.Running).ThenByDescending(t => t.StartedAt).ToList();
            current[group.Key] = ordered[0];
            doomed.AddRange(ordered.Skip(1).Select(t => (t, d.Spec.StopGracePeriod)));
        }

        foreach (var id in _runtimes.Keys.Where(id => !desired.ContainsKey(id)).ToList())
        {
            _runtimes.TryRemove(id, out _);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelism), CancellationToken = ct };
        await Parallel.ForEachAsync(doomed, parallel, async (item, token) =>
        {
            await _driver.StopAsync(item.Task.TaskId, item.Grace, token).ConfigureAwait(false);
            await _driver.RemoveAsync(item.Task.TaskId, token).ConfigureAwait(false);
            LogRemoved(_logger, item.Task.TaskId, item.Task.InstanceId);
            pass.Removed.Add(item.Task.TaskId);
        }).ConfigureAwait(false);

        await Parallel.ForEachAsync(desired.Values, parallel, async (d, token) =>
        {
            var report = await ReconcileInstanceAsync(d, current.GetValueOrDefault(d.InstanceId), pass, token).ConfigureAwait(false);
            pass.Reports.Add(report);
            if (onReport is not null)
            {
                await onReport(report, token).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        return pass.ToResult();
    }

    private async Task<InstanceStatusReport> ReconcileInstanceAsync(DesiredInstance d, TaskInfo? task, PassLog pass, CancellationToken ct)
    {
        var rt = _runtimes.GetOrAdd(d.InstanceId, _ => new InstanceRuntime(
            new RestartTracker(d.Spec.RestartPolicy, _time, Math.Max(d.RestartCount, task?.RestartCount ?? 0))));

        if (task is { State: TaskRunState.Created })
        {
            // Created but never started (the agent stopped in between): start afresh.
            await _driver.RemoveAsync(task.TaskId, ct).ConfigureAwait(false);
            pass.Removed.Add(task.TaskId);
            task = null;
        }

        return task switch
        {
            { State: TaskRunState.Running } => await OnRunningAsync(d, rt, task, pass, ct).ConfigureAwait(false),
            { State: TaskRunState.Exited } => await OnExitedAsync(d, rt, task, pass, ct).ConfigureAwait(false),
            _ => await OnMissingAsync(d, rt, pass, ct).ConfigureAwait(false),
        };
    }

    private async Task<InstanceStatusReport> OnMissingAsync(DesiredInstance d, InstanceRuntime rt, PassLog pass, CancellationToken ct)
    {
        if (d.Finished || rt.Ended)
        {
            return rt.Last ?? Report(d, rt, InstanceState.Failed, null, rt.EndReason ?? "finished; its task no longer exists");
        }

        if (rt.SeenRunning)
        {
            // The task vanished while running (removed behind ENC's back): an exit with unknown code.
            rt.SeenRunning = false;
            rt.Health = null;
            rt.EndReason = "task disappeared while running";
            rt.Ended = !rt.Tracker.OnExit(null, failedHealthCheck: false, TimeSpan.Zero).Restart;
            if (rt.Ended)
            {
                return Report(d, rt, InstanceState.Failed, null, rt.EndReason);
            }
        }

        if (rt.Tracker.Pending is not null && !rt.Tracker.IsRestartDue())
        {
            return Report(d, rt, InstanceState.Starting, null, BackoffReason(rt));
        }

        return await StartAsync(d, rt, restart: rt.Tracker.Pending is not null, pass, ct).ConfigureAwait(false);
    }

    private async Task<InstanceStatusReport> OnExitedAsync(DesiredInstance d, InstanceRuntime rt, TaskInfo task, PassLog pass, CancellationToken ct)
    {
        var run = InstanceRuntime.RunKey(task);
        if (rt.HandledRun != run)
        {
            rt.HandledRun = run;
            rt.TaskId = task.TaskId;
            rt.Known = true;
            rt.Health = null;
            rt.SeenRunning = false;
            rt.EndReason = task.Reason ?? (task.ExitCode is { } code ? $"exited with code {code}" : "exited");
            if (!d.Finished)
            {
                var ranFor = (task.FinishedAt ?? _time.GetUtcNow()) - (task.StartedAt ?? _time.GetUtcNow());
                rt.Ended = !rt.Tracker.OnExit(task.ExitCode, failedHealthCheck: false, ranFor).Restart;
                LogExited(_logger, d.InstanceId, task.ExitCode, rt.Ended ? "no restart" : "restart after backoff");
            }
        }

        if (d.Finished || rt.Ended)
        {
            var state = task.ExitCode == 0 && rt.EndReason?.StartsWith("health", StringComparison.Ordinal) != true ? InstanceState.Succeeded : InstanceState.Failed;
            return Report(d, rt, state, task, rt.EndReason);
        }

        return rt.Tracker.IsRestartDue()
            ? await StartAsync(d, rt, restart: true, pass, ct).ConfigureAwait(false)
            : Report(d, rt, InstanceState.Starting, task, BackoffReason(rt));
    }
}
