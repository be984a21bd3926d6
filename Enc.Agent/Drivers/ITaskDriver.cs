namespace Enc.Agent.Drivers;

/// <summary>
/// Runs tasks (instances) on this node. Implementations label every task with its workload and instance
/// ids so that a new driver object (after an agent restart) finds and adopts them through <see cref="ListAsync"/>.
/// Callers: the <see cref="Reconciliation.InstanceReconciler"/> (start, inspect, stop, remove, list),
/// health checks (<see cref="ExecAsync"/>) and the log API (<see cref="ReadLogsAsync"/>).
/// </summary>
public interface ITaskDriver
{
    /// <summary>Driver name as written in specs: <c>docker</c> or <c>process</c>.</summary>
    string Name { get; }

    /// <summary>True when the driver can run tasks on this host (engine reachable, OS supported).</summary>
    Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates and starts a task. When a task for the same instance already exists and runs, returns its
    /// status instead of starting a second one; an exited one is replaced.
    /// </summary>
    Task<TaskInfo> StartAsync(TaskLaunch launch, CancellationToken cancellationToken = default);

    /// <summary>Current state of a task; <see cref="TaskRunState.NotFound"/> when it is gone.</summary>
    Task<TaskInfo> InspectAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>Sends SIGTERM, waits up to <paramref name="gracePeriod"/>, then SIGKILL. No-op for exited or missing tasks.</summary>
    Task StopAsync(string taskId, TimeSpan gracePeriod, CancellationToken cancellationToken = default);

    /// <summary>Removes a task and its resources (stopping it first with no grace). No-op when missing.</summary>
    Task RemoveAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>Every task this driver manages on the node (label <c>enc.managed=true</c>), running or exited.</summary>
    Task<IReadOnlyList<TaskInfo>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs a command inside a running task, killing it after <paramref name="timeout"/>.</summary>
    Task<ExecResult> ExecAsync(string taskId, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>The task's output lines in order; with <paramref name="follow"/>, keeps streaming until the task exits or cancellation.</summary>
    IAsyncEnumerable<LogEntry> ReadLogsAsync(string taskId, bool follow, CancellationToken cancellationToken = default);
}
