using System.Globalization;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Nodes.Reservations;
using Enc.Ledger.Receipts;

namespace Enc.Grains.Receipts;

/// <summary>
/// Which receipt a node status change produces: registration → NodeJoined, Leaving → NodeLeft, any other →
/// NodeStatusChanged; and the receipt of a reservation its audit released (<see cref="ForOrphanRelease"/>).
/// </summary>
public static class NodeReceipts
{
    /// <summary>The receipt kind and payload of <paramref name="change"/> on node <paramref name="nodeName"/>.</summary>
    public static (ReceiptKind Kind, ReceiptPayload Payload) For(string nodeName, NodeStatusChange change, string? publicKeyHex)
    {
        ArgumentNullException.ThrowIfNull(change);
        var kind = change.Reason == NodeStatusReasons.Registered ? ReceiptKind.NodeJoined
            : change.To == NodeStatus.Leaving ? ReceiptKind.NodeLeft
            : ReceiptKind.NodeStatusChanged;
        var payload = ReceiptPayload.Of(
            ("node", nodeName),
            ("from", change.From.ToString()),
            ("to", change.To.ToString()),
            ("reason", change.Reason),
            ("at", change.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        if (kind == ReceiptKind.NodeJoined)
        {
            payload.Add("publicKey", publicKeyHex);
        }

        return (kind, payload);
    }

    /// <summary>
    /// The receipt (<see cref="ReceiptKind.NodeReservationReleased"/>) of node <paramref name="nodeName"/> giving back
    /// the reservation <paramref name="reservation"/> (null when only an instance entry was taken off) of instance
    /// <paramref name="instanceId"/>, which workload <paramref name="workloadId"/> no longer holds.
    /// </summary>
    public static (ReceiptKind Kind, ReceiptPayload Payload) ForOrphanRelease(
        string nodeName, string instanceId, string workloadId, NodeReservation? reservation, DateTimeOffset at)
    {
        var payload = ReceiptPayload.Of(
            ("node", nodeName),
            ("instance", instanceId),
            ("workload", workloadId),
            ("reason", "no workload holds the instance on this node"),
            ("at", at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        if (reservation is { Resources: var r })
        {
            payload.Add("cpuMillicores", r.CpuMillicores.ToString(CultureInfo.InvariantCulture));
            payload.Add("memoryBytes", r.MemoryBytes.ToString(CultureInfo.InvariantCulture));
            payload.Add("diskBytes", r.DiskBytes.ToString(CultureInfo.InvariantCulture));
            payload.Add("networkBitsPerSecond", r.NetworkBitsPerSecond.ToString(CultureInfo.InvariantCulture));
            payload.Add("reservedAt", reservation.ReservedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        }

        return (ReceiptKind.NodeReservationReleased, payload);
    }
}
