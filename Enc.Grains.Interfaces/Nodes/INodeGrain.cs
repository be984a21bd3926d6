using Enc.Grains.Interfaces.Nodes.Placement;
using Enc.Grains.Interfaces.Nodes.Reservations;
using Orleans.Concurrency;

namespace Enc.Grains.Interfaces.Nodes;

/// <summary>
/// One ENC node. Keyed by node name; activated on the silo of the same name
/// (see <see cref="NodeSiloPlacementStrategy"/>). State is persisted.
/// </summary>
[Alias("Enc.Nodes.INodeGrain")]
public interface INodeGrain : IGrainWithStringKey
{
    /// <summary>Registers (or re-registers after a restart) the node with its measured host facts; status becomes Joining.</summary>
    [Alias("Register")]
    Task<NodeSnapshot> RegisterAsync(NodeRegistration registration);

    /// <summary>Called by the node's agent once registration completed; status becomes Ready.</summary>
    [Alias("MarkReady")]
    Task MarkReadyAsync();

    /// <summary>
    /// Records a heartbeat from the node's agent; a NotReady or Down node becomes Ready again.
    /// Returns false when the node is not registered (the agent then registers it again).
    /// </summary>
    [Alias("Heartbeat")]
    Task<bool> HeartbeatAsync();

    /// <summary>Marks the node as leaving because its silo is shutting down gracefully.</summary>
    [Alias("MarkLeaving")]
    Task MarkLeavingAsync();

    /// <summary>
    /// Re-evaluates the node's health against its heartbeat age and whether its silo has left the
    /// cluster membership; returns the (possibly new) status. Called by the node health monitor.
    /// </summary>
    [Alias("EvaluateHealth")]
    Task<NodeStatus> EvaluateHealthAsync(bool siloLeftMembership);

    /// <summary>Reserves <paramref name="request"/> for a workload; false when it does not fit in the free capacity.</summary>
    [Alias("TryAssignWorkload")]
    Task<bool> TryAssignWorkloadAsync(string workloadId, ResourceQuantities request);

    /// <summary>Releases the reservation of a workload; no-op when it holds none.</summary>
    [Alias("UnassignWorkload")]
    Task UnassignWorkloadAsync(string workloadId);

    /// <summary>
    /// Reserves <paramref name="request"/> for an instance after releasing the reservations of
    /// <paramref name="victims"/> (preemption), in one turn: false, changing nothing, when a victim no
    /// longer holds a reservation here, the node is not Ready, or the request still does not fit.
    /// </summary>
    [Alias("TryAssignPreempting")]
    Task<bool> TryAssignPreemptingAsync(string instanceId, ResourceQuantities request, IReadOnlyList<string> victims);

    /// <summary>
    /// Reserves <paramref name="request"/> for instance <paramref name="instanceId"/> of workload
    /// <paramref name="workloadId"/> ("namespace/name"), first releasing the reservations of <paramref name="victims"/>
    /// (preemption; none for a plain reservation), in one turn. The node records which workload made the
    /// reservation and when, so its reservation audit can ask that workload whether it still holds the instance.
    /// False, changing nothing, when it does not fit, or (with victims) when a victim holds no reservation here or
    /// the node is not Ready.
    /// </summary>
    [Alias("TryReserve")]
    Task<bool> TryReserveAsync(string workloadId, string instanceId, ResourceQuantities request, IReadOnlyList<string> victims);

    /// <summary>The node's reservations, in reservation order, with when and for which workload each was made.</summary>
    [Alias("ListReservations")]
    [ReadOnly]
    Task<IReadOnlyList<NodeReservation>> ListReservationsAsync();

    /// <summary>
    /// Gives back a reservation its workload <paramref name="workloadId"/> no longer holds (called by the node's
    /// reservation audit): takes the instance off the node (<see cref="Workloads.INodeInstancesGrain.UnassignAsync"/>;
    /// its agent stops the task) and releases the reservation, like the release of a stopped instance, and records a
    /// <c>NodeReservationReleased</c> receipt. Only the reservation the audit read (<paramref name="reservation"/>:
    /// same serial and time) is released; with null, only an instance entry that has no reservation is removed.
    /// Returns false, changing nothing, when the node's reservation for the instance changed since the audit read it
    /// (it was made again, or made at all), or when an entry without a reservation is already gone.
    /// </summary>
    [Alias("ReleaseOrphanedReservation")]
    Task<bool> ReleaseOrphanedReservationAsync(string instanceId, string workloadId, NodeReservation? reservation);

    /// <summary>
    /// Sets or removes operator labels and taints (<c>enc node label|taint</c>); throws
    /// <see cref="ArgumentException"/> naming the bad argument, or <see cref="InvalidOperationException"/>
    /// when the node never registered. A new <c>NoExecute</c> taint evicts instances that do not tolerate it.
    /// </summary>
    [Alias("UpdateMarkings")]
    Task<NodeSnapshot> UpdateMarkingsAsync(NodeMarkingChange change);

    /// <summary>Returns the node's current view, or null when the node never registered.</summary>
    [Alias("Get")]
    [ReadOnly]
    Task<NodeSnapshot?> GetAsync();
}
