using Orleans.Concurrency;

namespace Enc.Grains.Interfaces.Nodes.Reservations;

/// <summary>
/// Reconciles one node's reservations and instance entries (keyed by node name) against the workloads that made
/// them: every reservation older than the grace period, and every instance entry without a reservation, is checked
/// with its workload (<see cref="Workloads.IWorkloadGrain.HoldsInstanceAsync"/>); what no workload holds any more is
/// released, what a workload holds or what cannot be checked is left alone. The node grain asks for an audit
/// shortly after it activates and then every <c>Enc:Nodes:ReservationAuditInterval</c>.
/// </summary>
[Alias("Enc.Nodes.INodeReservationAuditGrain")]
public interface INodeReservationAuditGrain : IGrainWithStringKey
{
    /// <summary>Runs one audit now and returns what it did.</summary>
    [Alias("Audit")]
    Task<NodeReservationAuditReport> AuditAsync();

    /// <summary>Asks for an audit without waiting for it (sent by the node grain's timer).</summary>
    [Alias("RequestAudit")]
    [OneWay]
    Task RequestAuditAsync();
}
