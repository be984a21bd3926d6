using Enc.Client.Workloads;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Client.Scheduling;

/// <summary>Scheduler queries: why a workload was (or was not) placed, the unschedulable queue, measured latencies.</summary>
public sealed class SchedulingOperations
{
    private readonly IGrainFactory _grains;

    internal SchedulingOperations(IGrainFactory grains) => _grains = grains;

    /// <summary>
    /// The workload's last scheduling decision (<c>enc explain NAME</c>): outcome, algorithm, and every node
    /// with the filter that rejected it or its per-plugin scores and total. Null when the workload does
    /// not exist or was never scheduled. <paramref name="name"/> is "name" or "namespace/name".
    /// </summary>
    public async Task<SchedulingExplanation?> ExplainAsync(string name, CancellationToken cancellationToken = default)
    {
        var decisions = await DecisionsAsync(name, cancellationToken);
        return decisions.Count == 0 ? null : decisions[^1];
    }

    /// <summary>The workload's recent scheduling decisions, oldest first (bounded per workload).</summary>
    public async Task<IReadOnlyList<SchedulingExplanation>> DecisionsAsync(string name, CancellationToken cancellationToken = default)
    {
        var grain = _grains.GetGrain<IWorkloadGrain>(WorkloadOperations.WorkloadId(name));
        if (await grain.GetAsync().WaitAsync(cancellationToken) is null)
        {
            return [];
        }

        return await grain.GetDecisionsAsync().WaitAsync(cancellationToken);
    }

    /// <summary>Workloads waiting in the unschedulable queue and the cluster changes that wake them.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, ClusterChangeKinds>>> PendingAsync(CancellationToken cancellationToken = default) =>
        await _grains.GetGrain<IPendingPlacementsGrain>(IPendingPlacementsGrain.DefaultKey).ListAsync().WaitAsync(cancellationToken);

    /// <summary>Node-to-node round trips measured by the agents, sorted by (from, to).</summary>
    public async Task<IReadOnlyList<NodeLatency>> LatenciesAsync(CancellationToken cancellationToken = default) =>
        await _grains.GetGrain<ILatencyRegistryGrain>(ILatencyRegistryGrain.DefaultKey).ListAsync().WaitAsync(cancellationToken);
}
