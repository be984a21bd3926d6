using Microsoft.Extensions.Logging;

namespace Enc.Agent.Reconciliation;

/// <summary>Log messages of <see cref="InstanceReconciler"/>.</summary>
public sealed partial class InstanceReconciler
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Adopted running task {TaskId} of instance {InstanceId}")]
    private static partial void LogAdopted(ILogger logger, string instanceId, string taskId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed task {TaskId} (instance {InstanceId}: orphan or duplicate)")]
    private static partial void LogRemoved(ILogger logger, string taskId, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} exited with code {ExitCode}: {Decision}")]
    private static partial void LogExited(ILogger logger, string instanceId, int? exitCode, string decision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} unhealthy after {Failures} failed checks: {Detail}")]
    private static partial void LogUnhealthy(ILogger logger, string instanceId, int failures, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} failed to start: {Message}")]
    private static partial void LogStartFailed(ILogger logger, string instanceId, string message);
}
