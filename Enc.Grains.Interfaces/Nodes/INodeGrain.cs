using Enc.Grains.Interfaces.Nodes.Placement;
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
