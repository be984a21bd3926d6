using Microsoft.Extensions.Logging;

namespace Enc.Agent.Drivers.Process;

/// <summary>Signalling, reaping and logging helpers of <see cref="ProcessDriver"/>.</summary>
public sealed partial class ProcessDriver
{
    private bool AnyAlive(ProcessTaskRecord record) =>
        Procfs.IsAlive(record.Pid, record.PidStartTicks)
        || Procfs.GroupMembers(record.Pid).Any()
        || _limiter.Members(record.Cgroups).Any(pid => Procfs.LiveStartTicks(pid) is not null);

    private void KillEverything(ProcessTaskRecord record)
    {
        NativeSignals.KillGroup(record.Pid, NativeSignals.SigKill);

        // Children that started their own session left the process group but not the cgroup.
        foreach (var pid in _limiter.Members(record.Cgroups))
        {
            NativeSignals.KillProcess(pid, NativeSignals.SigKill);
        }
    }

    private async Task<bool> WaitGoneAsync(ProcessTaskRecord record, TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            ReapExitedChildren();
            if (!AnyAlive(record))
            {
                return true;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }
    }

    // Wrappers started by this driver object are our children: observing HasExited reaps them, so they
    // do not linger as zombies (a zombie counts as not alive either way).
    private void ReapExitedChildren()
    {
        foreach (var (pid, child) in _children)
        {
            if (child.HasExited && _children.TryRemove(pid, out _))
            {
                child.Dispose();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started instance {InstanceId} as process {Pid} (limits: {Enforcement})")]
    private static partial void LogStarted(ILogger logger, string instanceId, int pid, ProcessLimitEnforcement enforcement);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped instance {InstanceId}")]
    private static partial void LogStopped(ILogger logger, string instanceId);
}
