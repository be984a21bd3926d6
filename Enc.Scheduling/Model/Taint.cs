namespace Enc.Scheduling.Model;

/// <summary>A mark on a node that repels instances that do not tolerate it.</summary>
public sealed record Taint
{
    /// <summary>Taint key, e.g. <c>gpu</c> or <c>node.enc/unreachable</c>.</summary>
    public required string Key { get; init; }

    /// <summary>Optional value; empty when the taint has none.</summary>
    public string Value { get; init; } = "";

    /// <summary>The taint's effect.</summary>
    public required TaintEffect Effect { get; init; }

    /// <summary>When the taint was added; used by <c>NoExecute</c> tolerations with a time limit.</summary>
    public DateTimeOffset? TimeAdded { get; init; }
}
