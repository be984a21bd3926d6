using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Nodes.Reservations;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Receipts;
using Enc.Grains.Scheduling;
using Enc.Ledger.Receipts;

namespace Enc.Grains.Nodes;

/// <summary>
/// Reservations with their stamps (who made each and when), and the periodic reservation audit: a timer asks the
/// node's <see cref="INodeReservationAuditGrain"/> for an audit (one-way, so the node's turn never waits on a
/// workload), and the audit releases what no workload holds through <see cref="INodeGrain.ReleaseOrphanedReservationAsync"/>,
/// whose check-and-release runs in one turn of this grain, so a reservation made again meanwhile is never released,
/// and which records a <see cref="ReceiptKind.NodeReservationReleased"/> receipt with the release.
/// </summary>
public sealed partial class NodeGrain
{
    Task<bool> INodeGrain.TryReserveAsync(string workloadId, string instanceId, ResourceQuantities request, IReadOnlyList<string> victims)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workloadId);
        return ReserveAsync(workloadId, instanceId, request, victims);
    }

    Task<IReadOnlyList<NodeReservation>> INodeGrain.ListReservationsAsync() => Task.FromResult(Node.Reservations());

    async Task<bool> INodeGrain.ReleaseOrphanedReservationAsync(string instanceId, string workloadId, NodeReservation? reservation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(workloadId);
        if (!Node.ReservationIs(instanceId, reservation))
        {
            return false;
        }

        // The order of a stopped instance's release: off the node's instances first (its agent stops the task),
        // then the reservation, written together with the release's receipt. This grain's turn covers both, so no
        // placement reserves the instance here meanwhile; a failed step leaves the reservation for the next audit.
        var instances = GrainFactory.GetGrain<INodeInstancesGrain>(this.GetPrimaryKeyString());
        if (reservation is null && !(await instances.ListAsync()).Any(a => a.InstanceId == instanceId))
        {
            return false; // the entry went meanwhile (its workload released it): nothing to release, no receipt
        }

        await instances.UnassignAsync(instanceId);
        await UpdateAsync(node =>
        {
            node.UnassignWorkload(instanceId);
            var (kind, payload) = NodeReceipts.ForOrphanRelease(node.Name, instanceId, workloadId, reservation, Now);
            _receipts.Record(kind, ReceiptSubjects.Node(node.Name), payload);
            return (true, true);
        });
        await ClusterChanges.NotifyAsync(GrainFactory, ClusterChangeKinds.InstanceRemoved);
        return true;
    }

    private Task<bool> ReserveAsync(string? workloadId, string instanceId, ResourceQuantities request, IReadOnlyList<string> victims) => UpdateAsync(node =>
    {
        var reserved = node.TryReserve(workloadId, instanceId, request, victims, Now);
        return (reserved, reserved);
    });

    private async Task ReadStoredStateAsync()
    {
        await _state.ReadStateAsync();
        Node.StampUnstamped(Now);
    }

    private void StartReservationAudits()
    {
        this.RegisterGrainTimer(
            () => Node.IsRegistered
                ? GrainFactory.GetGrain<INodeReservationAuditGrain>(this.GetPrimaryKeyString()).RequestAuditAsync()
                : Task.CompletedTask,
            new GrainTimerCreationOptions(_firstAudit, _auditInterval) { Interleave = false });
    }
}
