namespace Enc.Scheduling.Model;

/// <summary>Operators of a <see cref="LabelExpression"/>.</summary>
public enum LabelOperator
{
    /// <summary>Invalid sentinel.</summary>
    Unknown = 0,

    /// <summary>The label exists and its value is one of the expression's values.</summary>
    In = 1,

    /// <summary>The label is absent or its value is none of the expression's values.</summary>
    NotIn = 2,

    /// <summary>The label exists (any value).</summary>
    Exists = 3,

    /// <summary>The label is absent.</summary>
    DoesNotExist = 4,
}
