using System.Text;

namespace Enc.Scheduling.Plugins;

/// <summary>Rejects nodes that are not <see cref="NodeStatus.Ready"/>.</summary>
public sealed class NodeStatusPlugin : INodeClassFilterPlugin
{
    /// <summary>Plugin name.</summary>
    public const string PluginName = PluginNames.NodeStatus;

    /// <inheritdoc/>
    public string Name => PluginName;

    /// <inheritdoc/>
    public ClusterEventKinds RequeueOn => ClusterEventKinds.NodeAdded | ClusterEventKinds.NodeStatusChanged;

    /// <inheritdoc/>
    public FilterStatus FilterClass(SchedulingRequest request, NodeClass nodeClass) => Evaluate(nodeClass.Status);

    /// <inheritdoc/>
    public void AppendCacheKey(SchedulingRequest request, StringBuilder key)
    {
        // Reads no request field.
    }

    /// <summary>The verdict for a node in <paramref name="status"/>.</summary>
    public static FilterStatus Evaluate(NodeStatus status) => status switch
    {
        NodeStatus.Ready => FilterStatus.Success,
        NodeStatus.Cordoned => FilterStatus.Unresolvable(RejectionReasons.NodeCordoned),
        _ => FilterStatus.Unresolvable(RejectionReasons.NodeNotReady),
    };
}
