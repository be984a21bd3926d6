namespace Enc.Grains.Interfaces.Workloads;

/// <summary>One problem in a workload spec: the field path (e.g. <c>resources.memory</c>, <c>ports[1].port</c>) and why.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Workloads.WorkloadSpecError")]
public sealed record WorkloadSpecError
{
    /// <summary>Dotted path of the offending field as written in YAML/JSON.</summary>
    [Id(0)] public required string Field { get; init; }

    /// <summary>What is wrong and what is expected.</summary>
    [Id(1)] public required string Message { get; init; }

    /// <inheritdoc />
    public override string ToString() => Field + ": " + Message;
}
