using System.Text;

namespace Enc.Scheduling.State;

/// <summary>Computes the canonical key of a node's class: status, zone, region, sorted labels, sorted taints.</summary>
internal static class NodeClassKey
{
    public static string Of(NodeInfo node)
    {
        var key = new StringBuilder();
        key.Append((int)node.Status).Append('|').Append(node.Zone).Append('|').Append(node.Region).Append('|');
        foreach (var pair in node.Labels.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            key.Append(pair.Key).Append('=').Append(pair.Value).Append('\u001f');
        }

        key.Append('|');
        foreach (var taint in node.Taints.OrderBy(t => t.Key, StringComparer.Ordinal).ThenBy(t => t.Value, StringComparer.Ordinal).ThenBy(t => t.Effect))
        {
            key.Append(taint.Key).Append('=').Append(taint.Value).Append(':').Append((int)taint.Effect)
               .Append('@').Append(taint.TimeAdded?.UtcTicks ?? 0).Append('\u001f');
        }

        return key.ToString();
    }
}
