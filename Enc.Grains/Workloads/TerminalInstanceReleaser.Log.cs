using Enc.Grains.Interfaces.Workloads;
using Microsoft.Extensions.Logging;

namespace Enc.Grains.Workloads;

/// <summary>Log messages of <see cref="TerminalInstanceReleaser"/>.</summary>
public sealed partial class TerminalInstanceReleaser
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the node reservation of workload {WorkloadId} instance {InstanceId} ({State}) on node {NodeName} failed; it stays pending and is retried")]
    private partial void LogReleaseFailed(Exception exception, string workloadId, string instanceId, string nodeName, InstanceState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the node reservation of workload {WorkloadId} instance {InstanceId} ({State}) on node {NodeName} did not complete within {Timeout}; it stays pending and is retried")]
    private partial void LogReleaseTimedOut(Exception exception, string workloadId, string instanceId, string nodeName, InstanceState state, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the node reservation of workload {WorkloadId} instance {InstanceId} on node {NodeName}, which did not complete within {Timeout}, failed later; it stays pending and is retried")]
    private partial void LogLateReleaseFailed(Exception exception, string workloadId, string instanceId, string nodeName, TimeSpan timeout);
}
