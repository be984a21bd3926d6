using Enc.Agent.Drivers;
using Enc.Agent.Health;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Reconciliation;

/// <summary>Running tasks (adoption, health checks) and starts of <see cref="InstanceReconciler"/>.</summary>
public sealed partial class InstanceReconciler
{
    private async Task<InstanceStatusReport> OnRunningAsync(DesiredInstance d, InstanceRuntime rt, TaskInfo task, PassLog pass, CancellationToken ct)
    {
        if (d.Finished)
        {
            // The cluster considers it done: it must not run.
            await _driver.StopAsync(task.TaskId, d.Spec.StopGracePeriod, ct).ConfigureAwait(false);
            return Report(d, rt, InstanceState.Stopped, task, "stopped: instance already finished");
        }

        if (rt.TaskId != task.TaskId || !rt.SeenRunning)
        {
            if (!rt.Known)
            {
                pass.Adopted.Add(d.InstanceId);
                LogAdopted(_logger, d.InstanceId, task.TaskId);
            }

            rt.Known = true;
            rt.TaskId = task.TaskId;
            rt.Ended = false;
            rt.Health ??= d.Spec.HealthCheck is { } hc ? new HealthMonitor(hc, _time, task.StartedAt ?? _time.GetUtcNow()) : null;
        }

        rt.SeenRunning = true;
        if (rt.Health is { } health && d.Spec.HealthCheck is { } check && health.IsDue())
        {
            var result = await _probe.ProbeAsync(check, _driver, task.TaskId, d.Ports, ct).ConfigureAwait(false);
            if (health.Record(result))
            {
                return await OnUnhealthyAsync(d, rt, task, health, ct).ConfigureAwait(false);
            }
        }

        return Report(d, rt, InstanceState.Running, task, null);
    }

    private async Task<InstanceStatusReport> OnUnhealthyAsync(DesiredInstance d, InstanceRuntime rt, TaskInfo task, HealthMonitor health, CancellationToken ct)
    {
        LogUnhealthy(_logger, d.InstanceId, health.ConsecutiveFailures, health.LastFailure);
        await _driver.StopAsync(task.TaskId, d.Spec.StopGracePeriod, ct).ConfigureAwait(false);
        var stopped = await _driver.InspectAsync(task.TaskId, ct).ConfigureAwait(false);
        rt.HandledRun = InstanceRuntime.RunKey(stopped.State == TaskRunState.NotFound ? task : stopped);
        rt.Health = null;
        rt.SeenRunning = false;
        rt.EndReason = $"health check failed {health.ConsecutiveFailures} times: {health.LastFailure}";
        var ranFor = _time.GetUtcNow() - (task.StartedAt ?? _time.GetUtcNow());
        rt.Ended = !rt.Tracker.OnExit(stopped.ExitCode, failedHealthCheck: true, ranFor).Restart;
        return rt.Ended
            ? Report(d, rt, InstanceState.Failed, stopped, rt.EndReason)
            : Report(d, rt, InstanceState.Starting, stopped, BackoffReason(rt));
    }

    private async Task<InstanceStatusReport> StartAsync(DesiredInstance d, InstanceRuntime rt, bool restart, PassLog pass, CancellationToken ct)
    {
        var launch = new TaskLaunch
        {
            InstanceId = d.InstanceId,
            Spec = d.Spec,
            SpecVersion = d.SpecVersion,
            RestartCount = rt.Tracker.RestartCount + (restart ? 1 : 0),
            Ports = d.Ports,
        };

        if (restart)
        {
            rt.Tracker.OnRestarted();
            pass.Restarted.Add(d.InstanceId);
        }
        else
        {
            pass.Started.Add(d.InstanceId);
        }

        rt.Known = true;
        TaskInfo info;
        try
        {
            info = await _driver.StartAsync(launch, ct).ConfigureAwait(false);
        }
        catch (TaskStartException e)
        {
            LogStartFailed(_logger, d.InstanceId, e.Message);
            rt.EndReason = "start failed: " + e.Message;
            rt.SeenRunning = false;
            rt.Ended = !rt.Tracker.OnExit(null, failedHealthCheck: false, TimeSpan.Zero).Restart;
            return Report(d, rt, rt.Ended ? InstanceState.Failed : InstanceState.Starting, null, rt.Ended ? rt.EndReason : BackoffReason(rt));
        }

        rt.TaskId = info.TaskId;
        rt.Health = d.Spec.HealthCheck is { } hc ? new HealthMonitor(hc, _time, info.StartedAt ?? _time.GetUtcNow()) : null;
        rt.SeenRunning = info.State == TaskRunState.Running;
        return info.State == TaskRunState.Exited
            ? await OnExitedAsync(d, rt, info, pass, ct).ConfigureAwait(false)
            : Report(d, rt, InstanceState.Running, info, null);
    }

    private InstanceStatusReport Report(DesiredInstance d, InstanceRuntime rt, InstanceState state, TaskInfo? task, string? reason)
    {
        var report = new InstanceStatusReport
        {
            InstanceId = d.InstanceId,
            WorkloadId = d.Spec.Id,
            State = state,
            TaskId = task?.TaskId ?? rt.TaskId,
            ExitCode = task?.ExitCode,
            Reason = reason,
            StartedAt = task?.StartedAt,
            FinishedAt = task?.FinishedAt,
            RestartCount = rt.Tracker.RestartCount,
            ObservedAt = _time.GetUtcNow(),
        };
        rt.Last = report;
        return report;
    }

    private string BackoffReason(InstanceRuntime rt)
    {
        var wait = rt.Tracker.Pending is { } p ? p.NotBefore - _time.GetUtcNow() : TimeSpan.Zero;
        return $"{rt.EndReason}; restarting in {Math.Max(0, wait.TotalSeconds):0.#}s (backoff)";
    }
}
