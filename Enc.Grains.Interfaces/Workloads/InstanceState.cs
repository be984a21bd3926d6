namespace Enc.Grains.Interfaces.Workloads;

/// <summary>
/// Lifecycle of one workload instance: Pending → Scheduled → Starting → Running → Succeeded | Failed | Stopped.
/// A restart moves a Failed or Succeeded instance back to Starting and increments its restart count.
/// </summary>
[GenerateSerializer]
[Alias("Enc.Workloads.InstanceState")]
public enum InstanceState
{
    /// <summary>Not set; never a real state.</summary>
    Invalid = 0,

    /// <summary>Accepted, waiting for a node.</summary>
    Pending = 1,

    /// <summary>Placed on a node; its agent has not started it yet.</summary>
    Scheduled = 2,

    /// <summary>The agent is creating or starting the container or process (or waiting out a restart backoff).</summary>
    Starting = 3,

    /// <summary>The container or process is running.</summary>
    Running = 4,

    /// <summary>Exited with code 0 and will not be restarted.</summary>
    Succeeded = 5,

    /// <summary>Exited with a non-zero code, failed to start, or was lost, and will not be restarted.</summary>
    Failed = 6,

    /// <summary>Stopped on request (stop, delete, rolling replacement, or rescheduled away from its node).</summary>
    Stopped = 7,
}
