using Enc.Grains.Interfaces.Scheduling;

namespace Enc.Grains.Workloads.Placement;

/// <summary>What one <see cref="PendingInstancePlacer.PlaceAsync"/> pass did.</summary>
/// <param name="Placed">Instances placed.</param>
/// <param name="StillPending">Instances left Pending.</param>
/// <param name="WakeOn">Cluster changes that may let the pending ones fit (union over them).</param>
/// <param name="Decisions">The scheduling decisions made, in order (for <c>enc explain</c>).</param>
/// <param name="Evictions">Instances of other workloads evicted to make room.</param>
public sealed record PlacementOutcome(
    int Placed,
    int StillPending,
    ClusterChangeKinds WakeOn,
    IReadOnlyList<SchedulingExplanation> Decisions,
    IReadOnlyList<InstanceEviction> Evictions);
