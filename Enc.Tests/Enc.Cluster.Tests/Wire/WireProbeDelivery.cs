namespace Enc.Cluster.Tests.Wire;

/// <summary>One call as <see cref="WireProbeGrain"/> received it.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Tests.WireProbeDelivery")]
public sealed record WireProbeDelivery
{
    /// <summary>The items carried.</summary>
    [Id(0)] public required string[] Items { get; init; }

    /// <summary>The runtime type of the argument the grain method received (shows whether Orleans copied or re-created it).</summary>
    [Id(1)] public required string ArgumentType { get; init; }

    /// <summary>The silo that ran the call.</summary>
    [Id(2)] public required string Silo { get; init; }
}
