using System.Globalization;
using Enc.Grains.Interfaces.Nodes;
using Enc.Ledger.Receipts;

namespace Enc.Grains.Receipts;

/// <summary>Which receipt a node status change produces: registration → NodeJoined, Leaving → NodeLeft, any other → NodeStatusChanged.</summary>
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
}
