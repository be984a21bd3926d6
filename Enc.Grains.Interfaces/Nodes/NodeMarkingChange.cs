namespace Enc.Grains.Interfaces.Nodes;

/// <summary>
/// An operator's change to a node's labels and taints, parsed from kubectl-style arguments by
/// <see cref="NodeMarkingSyntax"/>: <c>key=value</c> sets a label, <c>key-</c> removes one;
/// <c>key=value:Effect</c> or <c>key:Effect</c> adds a taint, <c>key:Effect-</c> or <c>key-</c> removes taints.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Nodes.NodeMarkingChange")]
public sealed record NodeMarkingChange
{
    /// <summary>Labels to set (added or replaced).</summary>
    [Id(0)] public IReadOnlyDictionary<string, string> SetLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>Label keys to remove.</summary>
    [Id(1)] public IReadOnlyList<string> RemoveLabels { get; init; } = [];

    /// <summary>Taints to add; a taint with the same key and effect is replaced.</summary>
    [Id(2)] public IReadOnlyList<NodeTaint> AddTaints { get; init; } = [];

    /// <summary>
    /// Taints to remove, matched by key and effect; an entry whose <see cref="NodeTaint.Effect"/> is
    /// <see cref="Workloads.TaintEffect.Invalid"/> removes every taint with that key.
    /// </summary>
    [Id(3)] public IReadOnlyList<NodeTaint> RemoveTaints { get; init; } = [];

    /// <summary>True when the change does nothing.</summary>
    public bool IsEmpty => SetLabels.Count == 0 && RemoveLabels.Count == 0 && AddTaints.Count == 0 && RemoveTaints.Count == 0;
}
