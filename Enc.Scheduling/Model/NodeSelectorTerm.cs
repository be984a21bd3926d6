namespace Enc.Scheduling.Model;

/// <summary>A conjunction of label expressions over node labels.</summary>
public sealed record NodeSelectorTerm
{
    /// <summary>Expressions, all of which must hold.</summary>
    public required IReadOnlyList<LabelExpression> Expressions { get; init; }
}
