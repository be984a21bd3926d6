using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Reconciliation;

/// <summary>An instance assigned to this node, as the cluster wants it.</summary>
public sealed record DesiredInstance
{
    /// <summary>Instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The spec it runs.</summary>
    public required WorkloadSpec Spec { get; init; }

    /// <summary>Spec version.</summary>
    public long SpecVersion { get; init; }

    /// <summary>Host ports by port name (assigned ports resolved).</summary>
    public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int>();

    /// <summary>Restarts already recorded by the cluster (used when no task exists to carry the count).</summary>
    public int RestartCount { get; init; }

    /// <summary>
    /// The instance finished (Succeeded or Failed without restart): never start it again, but keep its
    /// task so that its logs and exit code stay readable until the workload is deleted.
    /// </summary>
    public bool Finished { get; init; }
}
