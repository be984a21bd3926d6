namespace Enc.Grains.Interfaces.Scheduling;

/// <summary>A round trip measured by one node's agent to another node over the cluster's own channel.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Scheduling.NodeLatency")]
public sealed record NodeLatency
{
    /// <summary>The measuring node.</summary>
    [Id(0)] public required string FromNode { get; init; }

    /// <summary>The node pinged.</summary>
    [Id(1)] public required string ToNode { get; init; }

    /// <summary>Round-trip time in microseconds.</summary>
    [Id(2)] public required long RoundTripMicroseconds { get; init; }

    /// <summary>When it was measured.</summary>
    [Id(3)] public required DateTimeOffset MeasuredAt { get; init; }
}
