using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Workloads;

/// <summary>Persisted state of a node's instance assignments.</summary>
[GenerateSerializer]
[Alias("Enc.Workloads.NodeInstancesState")]
public sealed class NodeInstancesState
{
    /// <summary>Assigned instances by id.</summary>
    [Id(0)] public Dictionary<string, AssignedInstance> Instances { get; set; } = new(StringComparer.Ordinal);
}
