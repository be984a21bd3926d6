using Enc.Grains.Hosting;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Nodes.Placement;
using Enc.Grains.Interfaces.Nodes.Reservations;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Nodes.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Nodes.Reservations;

/// <summary>
/// One node's reservation audit (keyed by node name, on the node's silo): reads the node's reservations and
/// instance entries, asks each candidate's workload (<see cref="NodeReservationAudit.Plan"/>) in parallel, each
/// answer bounded by <see cref="EncNodeOptions.ReservationAuditQueryTimeout"/>, and releases what no workload holds
/// through <see cref="INodeGrain.ReleaseOrphanedReservationAsync"/>. Holds no state; audits of one node run one at a time.
/// </summary>
[NodeSiloPlacement]
public sealed partial class NodeReservationAuditGrain(
    IOptions<EncNodeOptions> options,
    [FromKeyedServices(EncTimeProviderNames.Nodes)] TimeProvider time,
    ILogger<NodeReservationAuditGrain> logger) : Grain, INodeReservationAuditGrain
{
    private string NodeName => this.GetPrimaryKeyString();

    Task<NodeReservationAuditReport> INodeReservationAuditGrain.AuditAsync() => AuditAsync();

    async Task INodeReservationAuditGrain.RequestAuditAsync()
    {
        try
        {
            await AuditAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogAuditFailed(ex, NodeName);
        }
    }

    private async Task<NodeReservationAuditReport> AuditAsync()
    {
        var node = GrainFactory.GetGrain<INodeGrain>(NodeName);
        var entries = await GrainFactory.GetGrain<INodeInstancesGrain>(NodeName).ListAsync();
        var reservations = await node.ListReservationsAsync();
        var plan = NodeReservationAudit.Plan(reservations, entries, time.GetUtcNow(), options.Value.ReservationAuditGracePeriod);
        foreach (var instanceId in plan.OwnerUnknown)
        {
            LogOwnerUnknown(NodeName, instanceId);
        }

        var answers = await Task.WhenAll(plan.Ask.Select(AskAsync));
        var released = new List<string>();
        var unreachable = new List<string>();
        for (var i = 0; i < plan.Ask.Count; i++)
        {
            var candidate = plan.Ask[i];
            switch (NodeReservationAudit.Judge(answers[i]))
            {
                case NodeReservationVerdict.Orphaned when await node.ReleaseOrphanedReservationAsync(candidate.InstanceId, candidate.WorkloadId, candidate.Reservation):
                    released.Add(candidate.InstanceId);
                    LogReleased(NodeName, candidate.WorkloadId, candidate.InstanceId, Describe(candidate.Reservation));
                    break;
                case NodeReservationVerdict.Unknown:
                    unreachable.Add(candidate.InstanceId);
                    break;
            }
        }

        return new NodeReservationAuditReport
        {
            NodeName = NodeName,
            Asked = plan.Ask.Select(c => c.InstanceId).ToList(),
            Released = released,
            Unreachable = unreachable,
            OwnerUnknown = plan.OwnerUnknown,
        };
    }

    // Null when the workload could not be asked (its grain failed to activate or answer, or did not answer in time).
    private async Task<bool?> AskAsync(NodeReservationAuditCandidate candidate)
    {
        try
        {
            return await GrainFactory.GetGrain<IWorkloadGrain>(candidate.WorkloadId)
                .HoldsInstanceAsync(candidate.InstanceId, NodeName)
                .WaitAsync(options.Value.ReservationAuditQueryTimeout);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogWorkloadUnreachable(ex, NodeName, candidate.WorkloadId, candidate.InstanceId);
            return null;
        }
    }

    private static string Describe(NodeReservation? reservation) => reservation is { Resources: var r }
        ? $"cpu {r.CpuMillicores}m, memory {r.MemoryBytes} B, disk {r.DiskBytes} B, bandwidth {r.NetworkBitsPerSecond} bit/s, reserved {reservation.ReservedAt:O}"
        : "no reservation, instance entry only";

    [LoggerMessage(Level = LogLevel.Information, Message = "Reservation audit of node {NodeName}: workload {WorkloadId} no longer holds instance {InstanceId}; released its reservation ({Resources}) and its entry on the node")]
    private partial void LogReleased(string nodeName, string workloadId, string instanceId, string resources);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reservation audit of node {NodeName}: workload {WorkloadId} could not be asked whether it holds instance {InstanceId}; the reservation stays and is checked again by the next audit")]
    private partial void LogWorkloadUnreachable(Exception exception, string nodeName, string workloadId, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reservation audit of node {NodeName}: the node knows no workload for the reservation of instance {InstanceId} (made before reservations recorded their workload, with no instance entry); it stays")]
    private partial void LogOwnerUnknown(string nodeName, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reservation audit of node {NodeName} failed; the next audit tries again")]
    private partial void LogAuditFailed(Exception exception, string nodeName);
}
