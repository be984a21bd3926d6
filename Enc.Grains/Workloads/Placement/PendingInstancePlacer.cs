using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Workloads.Placement;

/// <summary>
/// Places a workload's Pending instances one at a time: ranks nodes over a fresh cluster view, reserves
/// atomically on the first node that still accepts (releasing preemption victims in the same step), hands
/// the instance to that node's agent, then tells each victim's workload to stop its evicted instance.
/// Grain-free: side effects go through <see cref="IPlacementCluster"/>.
/// </summary>
public sealed class PendingInstancePlacer(IWorkloadPlacementPolicy policy, IPlacementCluster cluster)
{
    /// <summary>Kind of the event recorded on the placed instance for each instance it preempted.</summary>
    public const string PreemptionEvent = "Preemption";

    /// <summary>Places what it can of <paramref name="planner"/>'s Pending instances of <paramref name="spec"/>.</summary>
    public async Task<PlacementOutcome> PlaceAsync(WorkloadPlanner planner, WorkloadSpec spec)
    {
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(spec);
        var request = ResourceFitPlacementPolicy.Request(spec.Resources);
        var decisions = new List<SchedulingExplanation>();
        var evicted = new List<InstanceEviction>();
        var wakeOn = ClusterChangeKinds.None;
        var placed = 0;
        var pending = 0;
        foreach (var instance in planner.Pending())
        {
            // A fresh view per instance: later instances see earlier reservations and evictions.
            var ranking = policy.Rank(spec, instance, await cluster.ReadAsync());
            if (ranking.Explanation is { } explanation)
            {
                decisions.Add(explanation);
            }

            var node = await ReserveAsync(spec, instance, request, ranking);
            if (node is null)
            {
                pending++;
                wakeOn |= ranking.WakeOn == ClusterChangeKinds.None ? ClusterChangeKinds.All : ranking.WakeOn;
                planner.Unschedulable(instance.InstanceId, ranking.Candidates.Count > 0 ? "candidate nodes filled up concurrently; retrying" : ranking.Explain());
                continue;
            }

            placed++;
            // The event (and so the InstanceScheduled receipt) names the algorithm that placed it.
            planner.Scheduled(instance.InstanceId, node.Value.Name, node.Value.Ports, ranking.Explanation is { } decided ? ScheduledMessage(node.Value.Name, decided) : null);
            if (node.Value.Preempted)
            {
                foreach (var victim in ranking.Evictions)
                {
                    await cluster.EvictAsync(victim);
                    evicted.Add(victim);
                    planner.AddEvent(instance.InstanceId, PreemptionEvent, $"evicted {victim.InstanceId} ({victim.WorkloadId}, priority {victim.Priority}) from {victim.NodeName}");
                }
            }
        }

        return new PlacementOutcome(placed, pending, wakeOn, decisions, evicted);
    }

    private static string ScheduledMessage(string nodeName, SchedulingExplanation decided) =>
        decided.ResourceStrategy.Length > 0
            ? $"on {nodeName} by {decided.Algorithm}/{decided.ResourceStrategy}"
            : $"on {nodeName} by {decided.Algorithm}";

    private async Task<(string Name, IReadOnlyDictionary<string, int> Ports, bool Preempted)?> ReserveAsync(
        WorkloadSpec spec, WorkloadInstance instance, Interfaces.Nodes.ResourceQuantities request, PlacementRanking ranking)
    {
        for (var i = 0; i < ranking.Candidates.Count; i++)
        {
            var nodeName = ranking.Candidates[i];
            var victims = i == 0 ? ranking.Evictions.Where(e => e.NodeName == nodeName).Select(e => e.InstanceId).ToList() : [];

            // The node grain's turn makes reserve-if-fits (and the victims' release) atomic: concurrent placements never overcommit.
            if (!await cluster.TryReserveAsync(nodeName, spec.Id, instance.InstanceId, request, victims))
            {
                continue;
            }

            var ports = await cluster.AssignAsync(nodeName, new AssignedInstance { InstanceId = instance.InstanceId, Spec = spec, SpecVersion = instance.SpecVersion });
            if (ports is not null)
            {
                return (nodeName, ports, victims.Count > 0);
            }

            await cluster.ReleaseAsync(nodeName, instance.InstanceId);
            if (victims.Count > 0)
            {
                // The victims' reservations are already released: stop them rather than leave them running unaccounted.
                foreach (var victim in ranking.Evictions)
                {
                    await cluster.EvictAsync(victim);
                }

                return null;
            }
        }

        return null;
    }
}
