namespace Enc.Grains.Interfaces.Workloads;

/// <summary>Operators of a <see cref="LabelRequirement"/>.</summary>
[GenerateSerializer]
[Alias("Enc.Workloads.LabelRequirementOperator")]
public enum LabelRequirementOperator
{
    /// <summary>Not set; invalid.</summary>
    Invalid = 0,

    /// <summary>The label exists with one of the values.</summary>
    In = 1,

    /// <summary>The label is absent or has none of the values.</summary>
    NotIn = 2,

    /// <summary>The label exists (any value).</summary>
    Exists = 3,

    /// <summary>The label is absent.</summary>
    DoesNotExist = 4,
}
