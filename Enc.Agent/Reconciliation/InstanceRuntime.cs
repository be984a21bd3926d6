using Enc.Agent.Health;
using Enc.Agent.Lifecycle;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Reconciliation;

/// <summary>The reconciler's memory of one instance between passes.</summary>
internal sealed class InstanceRuntime
{
    public InstanceRuntime(RestartTracker tracker) => Tracker = tracker;

    public RestartTracker Tracker { get; set; }

    /// <summary>The task currently associated with the instance.</summary>
    public string? TaskId { get; set; }

    /// <summary>Identity (task id and start time) of the run whose exit has been handled, so one exit is counted once.</summary>
    public string? HandledRun { get; set; }

    /// <summary>Why the last run ended (exit code, health check failure, start error).</summary>
    public string? EndReason { get; set; }

    /// <summary>True once this reconciler object has seen or started a task for the instance.</summary>
    public bool Known { get; set; }

    public HealthMonitor? Health { get; set; }

    /// <summary>The last pass saw the task running (a vanished task then counts as an exit).</summary>
    public bool SeenRunning { get; set; }

    /// <summary>The policy said no restart: the instance ended.</summary>
    public bool Ended { get; set; }

    public InstanceStatusReport? Last { get; set; }

    /// <summary>The identity of one run of a task: process tasks keep their id across restarts.</summary>
    public static string RunKey(Drivers.TaskInfo task) => task.TaskId + "@" + task.StartedAt?.UtcTicks;
}
