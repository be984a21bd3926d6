using Enc.Grains.Interfaces.Nodes;

namespace Enc.Grains.Nodes;

/// <summary>
/// Decides a node's next status from its heartbeat age and membership; pure, so it is tested
/// without a cluster.
/// </summary>
/// <remarks>
/// Rules, in order: a Down node stays Down (only a heartbeat or registration revives it); silence
/// past <see cref="NodeHealthThresholds.DownAfter"/> makes a node Down; a Leaving node whose silo
/// left the membership is Down (a graceful exit completed); a Joining or Ready node whose silo left
/// the membership, or which is silent past <see cref="NodeHealthThresholds.NotReadyAfter"/>,
/// becomes NotReady. Everything else keeps its status.
/// </remarks>
public static class NodeHealthPolicy
{
    /// <summary>Returns the new status and its reason, or null when the status does not change.</summary>
    public static (NodeStatus Status, string Reason)? Evaluate(
        NodeStatus current,
        DateTimeOffset lastHeartbeat,
        DateTimeOffset now,
        bool siloLeftMembership,
        NodeHealthThresholds thresholds)
    {
        if (current is NodeStatus.Down or NodeStatus.Invalid)
        {
            return null;
        }

        var silence = now - lastHeartbeat;
        if (silence >= thresholds.DownAfter)
        {
            return (NodeStatus.Down, NodeStatusReasons.HeartbeatLost);
        }

        if (current == NodeStatus.Leaving)
        {
            return siloLeftMembership ? (NodeStatus.Down, NodeStatusReasons.SiloLeftMembership) : null;
        }

        if (current is NodeStatus.Joining or NodeStatus.Ready)
        {
            if (siloLeftMembership)
            {
                return (NodeStatus.NotReady, NodeStatusReasons.SiloLeftMembership);
            }

            if (silence >= thresholds.NotReadyAfter)
            {
                return (NodeStatus.NotReady, NodeStatusReasons.HeartbeatLate);
            }
        }

        return null;
    }
}
