using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Workloads.Placement;

/// <summary>
/// Chooses nodes for an instance. Returns feasible nodes best first; the caller then reserves on the
/// first node that still accepts (the node grain's reserve-if-fits is the atomic step), so a ranking over
/// a slightly stale view never overcommits. The scheduler pipeline (Enc.Scheduling) replaces the
/// default implementation by registering another singleton of this interface.
/// </summary>
public interface IWorkloadPlacementPolicy
{
    /// <summary>Policy name, for events and explanations.</summary>
    string Name { get; }

    /// <summary>
    /// Feasible node names best first, the reason each other node was rejected, and, when the first
    /// candidate is only feasible after preemption, the instances to evict there.
    /// </summary>
    PlacementRanking Rank(WorkloadSpec spec, WorkloadInstance instance, ClusterView cluster);
}
