using Enc.Grains.Interfaces.Workloads;

namespace Enc.Cluster.Tests.Infrastructure;

/// <summary>Agent reports made from what a workload already knows, as a node agent re-sends them.</summary>
public static class InstanceReports
{
    /// <summary>The report that repeats <paramref name="instance"/>'s observed fields exactly (observed at <paramref name="observedAt"/>).</summary>
    public static InstanceStatusReport Of(WorkloadInstance instance, DateTimeOffset observedAt) => new()
    {
        InstanceId = instance.InstanceId,
        WorkloadId = instance.WorkloadId,
        State = instance.State,
        TaskId = instance.TaskId,
        ExitCode = instance.ExitCode,
        Reason = instance.Reason,
        StartedAt = instance.StartedAt,
        FinishedAt = instance.FinishedAt,
        RestartCount = instance.RestartCount,
        ObservedAt = observedAt,
    };
}
