namespace Enc.Grains.Nodes;

/// <summary>When, and for which workload, a node made one reservation (persisted in <see cref="NodeRecord.ReservationStamps"/>).</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Nodes.NodeReservationStamp")]
public sealed record NodeReservationStamp
{
    /// <summary>When the reservation was made.</summary>
    [Id(0)] public required DateTimeOffset ReservedAt { get; init; }

    /// <summary>Positive, unique among the node's reservations (<see cref="NodeRecord.LastReservationSerial"/>).</summary>
    [Id(1)] public required long Serial { get; init; }

    /// <summary>The workload that made it ("namespace/name"); null when the caller did not say (older callers).</summary>
    [Id(2)] public string? WorkloadId { get; init; }
}
