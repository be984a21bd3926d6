using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Interfaces.Nodes;

/// <summary>
/// A mark an operator puts on a node (<c>enc node taint NODE key=value:Effect</c>) that repels instances
/// which do not tolerate it: <c>NoSchedule</c> keeps new instances off, <c>PreferNoSchedule</c> makes the
/// scheduler avoid the node, <c>NoExecute</c> also evicts running instances that do not tolerate it.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Nodes.NodeTaint")]
public sealed record NodeTaint
{
    /// <summary>Taint key (label-key syntax, e.g. <c>dedicated</c> or <c>example.com/gpu</c>).</summary>
    [Id(0)] public required string Key { get; init; }

    /// <summary>Optional value (label-value syntax); empty when the taint has none.</summary>
    [Id(1)] public string Value { get; init; } = "";

    /// <summary>What the taint does.</summary>
    [Id(2)] public required TaintEffect Effect { get; init; }

    /// <summary>When the taint was put on the node (set by the node grain); <c>tolerationSeconds</c> count from here.</summary>
    [Id(3)] public DateTimeOffset? AddedAt { get; init; }

    /// <summary>The kubectl-style text: <c>key=value:Effect</c>, or <c>key:Effect</c> without a value.</summary>
    public override string ToString() => Value.Length == 0 ? $"{Key}:{Effect}" : $"{Key}={Value}:{Effect}";
}
