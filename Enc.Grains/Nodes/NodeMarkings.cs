using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Nodes;

/// <summary>
/// Operator labels and taints of a node (<c>enc node label|taint</c>) over a <see cref="NodeRecord"/>:
/// applying a change, and the labels the scheduler sees (the agent's reported labels plus the operator's).
/// Grain-free; every method takes the time it needs.
/// </summary>
public static class NodeMarkings
{
    /// <summary>Most taints a node may carry.</summary>
    public const int MaxTaints = 64;

    /// <summary>Most operator labels a node may carry.</summary>
    public const int MaxLabels = 64;

    /// <summary>
    /// Applies <paramref name="change"/>; returns what changed. Removing a label the node's configuration sets
    /// (<c>Enc:Nodes:Labels</c>) is refused: the agent would report it again at its next registration.
    /// </summary>
    public static NodeMarkingResult Apply(NodeRecord record, NodeMarkingChange change, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        NodeMarkingSyntax.ThrowIfInvalid(change);
        var configured = record.Capabilities?.Labels ?? new Dictionary<string, string>();
        foreach (var key in change.RemoveLabels)
        {
            if (!record.Labels.ContainsKey(key) && configured.ContainsKey(key))
            {
                throw new ArgumentException($"label '{key}-': the label comes from the node's configuration (Enc:Nodes:Labels); change it there", nameof(change));
            }
        }

        var labels = new Dictionary<string, string>(record.Labels, StringComparer.Ordinal);
        foreach (var key in change.RemoveLabels)
        {
            labels.Remove(key);
        }

        foreach (var (key, value) in change.SetLabels)
        {
            labels[key] = value;
        }

        var taints = record.Taints.Where(t => !change.RemoveTaints.Any(r => r.Key == t.Key && (r.Effect == TaintEffect.Invalid || r.Effect == t.Effect))).ToList();
        var addedNoExecute = false;
        foreach (var taint in change.AddTaints)
        {
            var index = taints.FindIndex(t => t.Key == taint.Key && t.Effect == taint.Effect);
            var existing = index >= 0 ? taints[index] : null;
            var stored = taint with { AddedAt = existing is not null && existing.Value == taint.Value ? existing.AddedAt : now };
            if (index >= 0)
            {
                taints[index] = stored;
            }
            else
            {
                taints.Add(stored);
            }

            addedNoExecute |= taint.Effect == TaintEffect.NoExecute && stored.AddedAt == now;
        }

        if (labels.Count > MaxLabels)
        {
            throw new ArgumentException($"labels: a node carries at most {MaxLabels} operator labels", nameof(change));
        }

        if (taints.Count > MaxTaints)
        {
            throw new ArgumentException($"taints: a node carries at most {MaxTaints} taints", nameof(change));
        }

        var labelsChanged = !SameLabels(labels, record.Labels);
        var taintsChanged = !taints.SequenceEqual(record.Taints);
        record.Labels = labels;
        record.Taints = taints;
        return new NodeMarkingResult(labelsChanged, taintsChanged, addedNoExecute, taints.Any(t => t.Effect == TaintEffect.NoExecute));
    }

    /// <summary>The capabilities clients and the scheduler see: reported labels overlaid with the operator's.</summary>
    public static NodeCapabilities EffectiveCapabilities(NodeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var reported = record.Capabilities!;
        if (record.Labels.Count == 0)
        {
            return reported;
        }

        var labels = new Dictionary<string, string>(reported.Labels, StringComparer.Ordinal);
        foreach (var (key, value) in record.Labels)
        {
            labels[key] = value;
        }

        return reported with { Labels = labels };
    }

    private static bool SameLabels(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
