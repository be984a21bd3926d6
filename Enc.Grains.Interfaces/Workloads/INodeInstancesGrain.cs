using Orleans.Concurrency;

namespace Enc.Grains.Interfaces.Workloads;

/// <summary>
/// The instances assigned to one node (keyed by node name, activated on that node's silo): what its
/// agent runs. Also assigns host ports from the node's range and serves the instances' logs.
/// </summary>
[Alias("Enc.Workloads.INodeInstancesGrain")]
public interface INodeInstancesGrain : IGrainWithStringKey
{
    /// <summary>
    /// Assigns an instance; returns its host ports (assigned ones chosen from the node's free range), or
    /// null when a static port is taken or the range is exhausted. Idempotent per instance id.
    /// </summary>
    [Alias("Assign")]
    Task<IReadOnlyDictionary<string, int>?> AssignAsync(AssignedInstance instance);

    /// <summary>Removes an instance; its agent stops and removes the task. Idempotent.</summary>
    [Alias("Unassign")]
    Task UnassignAsync(string instanceId);

    /// <summary>Marks an instance finished (never started again).</summary>
    [Alias("MarkFinished")]
    Task MarkFinishedAsync(string instanceId);

    /// <summary>Everything assigned to the node.</summary>
    [Alias("List")]
    [ReadOnly]
    Task<IReadOnlyList<AssignedInstance>> ListAsync();

    /// <summary>Output of an instance from <paramref name="offset"/> on (at most 1000 lines).</summary>
    [Alias("Logs")]
    [AlwaysInterleave]
    Task<InstanceLogChunk> GetLogsAsync(string instanceId, int offset);
}
