namespace Enc.Grains.Interfaces.Workloads;

/// <summary>
/// One label expression (Kubernetes <c>matchExpressions</c> semantics): <c>In</c> and <c>NotIn</c> compare the
/// label's value with <see cref="Values"/> (<c>NotIn</c> also holds when the label is absent);
/// <c>Exists</c> and <c>DoesNotExist</c> test presence and take no values.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Workloads.LabelRequirement")]
public sealed record LabelRequirement
{
    /// <summary>Label key.</summary>
    [Id(0)] public required string Key { get; init; }

    /// <summary>How the label is tested.</summary>
    [Id(1)] public required LabelRequirementOperator Operator { get; init; }

    /// <summary>Values for <c>In</c> and <c>NotIn</c> (at least one); empty otherwise.</summary>
    [Id(2)] public IReadOnlyList<string> Values { get; init; } = [];
}
