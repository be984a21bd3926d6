namespace Enc.Agent.Drivers;

/// <summary>Label keys ENC puts on every task it starts.</summary>
public static class TaskLabels
{
    /// <summary>Marks a task as ENC's; value <c>true</c>.</summary>
    public const string Managed = "enc.managed";

    /// <summary>Node (agent) that owns the task; each agent lists and reconciles only its own.</summary>
    public const string Node = "enc.node";

    /// <summary>Workload id, "namespace/name".</summary>
    public const string Workload = "enc.workload";

    /// <summary>Instance id.</summary>
    public const string Instance = "enc.instance";

    /// <summary>Spec version.</summary>
    public const string SpecVersion = "enc.spec-version";

    /// <summary>Restart count at the time the task was started.</summary>
    public const string RestartCount = "enc.restart-count";

    /// <summary>Task name on the node for an instance id (Docker container name).</summary>
    public static string TaskName(string instanceId) => "enc-" + instanceId;
}
