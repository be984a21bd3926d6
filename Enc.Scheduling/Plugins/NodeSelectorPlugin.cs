using System.Text;

namespace Enc.Scheduling.Plugins;

/// <summary>Every <see cref="SchedulingRequest.NodeSelector"/> label must be on the node with that exact value.</summary>
public sealed class NodeSelectorPlugin : INodeClassFilterPlugin
{
    /// <summary>Plugin name.</summary>
    public const string PluginName = PluginNames.NodeSelector;

    /// <inheritdoc/>
    public string Name => PluginName;

    /// <inheritdoc/>
    public ClusterEventKinds RequeueOn => ClusterEventKinds.NodeAdded | ClusterEventKinds.NodeLabelsChanged;

    /// <inheritdoc/>
    public FilterStatus FilterClass(SchedulingRequest request, NodeClass nodeClass) =>
        Matches(request.NodeSelector, nodeClass.Labels) ? FilterStatus.Success : FilterStatus.Unresolvable(RejectionReasons.NodeSelectorMismatch);

    /// <inheritdoc/>
    public void AppendCacheKey(SchedulingRequest request, StringBuilder key)
    {
        if (request.NodeSelector.Count == 0)
        {
            return;
        }

        var keys = new string[request.NodeSelector.Count];
        var i = 0;
        foreach (var k in request.NodeSelector.Keys)
        {
            keys[i++] = k;
        }

        Array.Sort(keys, StringComparer.Ordinal);
        foreach (var k in keys)
        {
            key.Append(k).Append('=').Append(request.NodeSelector[k]).Append(';');
        }
    }

    /// <summary>True when <paramref name="labels"/> contains every pair of <paramref name="selector"/>.</summary>
    public static bool Matches(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var pair in selector)
        {
            if (!labels.TryGetValue(pair.Key, out var value) || !string.Equals(value, pair.Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
