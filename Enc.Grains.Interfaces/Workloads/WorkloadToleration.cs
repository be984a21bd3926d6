namespace Enc.Grains.Interfaces.Workloads;

/// <summary>Lets an instance be placed on (or stay on) a node with a matching taint.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Workloads.WorkloadToleration")]
public sealed record WorkloadToleration
{
    /// <summary>Taint key; empty with <see cref="TolerationOperator.Exists"/> tolerates every taint.</summary>
    [Id(0)] public string Key { get; init; } = "";

    /// <summary>How the value is compared.</summary>
    [Id(1)] public required TolerationOperator Operator { get; init; }

    /// <summary>Taint value for <see cref="TolerationOperator.Equal"/>.</summary>
    [Id(2)] public string Value { get; init; } = "";

    /// <summary>The effect tolerated; <see cref="TaintEffect.Invalid"/> (unset) tolerates every effect.</summary>
    [Id(3)] public TaintEffect Effect { get; init; }

    /// <summary>For NoExecute: how long a running instance may stay after the taint is added; null = forever.</summary>
    [Id(4)] public long? TolerationSeconds { get; init; }
}
