namespace Enc.Grains.Interfaces.Nodes.Reservations;

/// <summary>One reservation a node holds for an instance (<see cref="INodeGrain.ListReservationsAsync"/>).</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Nodes.NodeReservation")]
public sealed record NodeReservation
{
    /// <summary>The instance the resources are reserved for.</summary>
    [Id(0)] public required string InstanceId { get; init; }

    /// <summary>The reserved resources.</summary>
    [Id(1)] public required ResourceQuantities Resources { get; init; }

    /// <summary>
    /// When the node made this reservation (a reservation made again for the same instance gets a new time). For a
    /// reservation stored before the node recorded times, the time the node's current activation first saw it.
    /// </summary>
    [Id(2)] public required DateTimeOffset ReservedAt { get; init; }

    /// <summary>
    /// Identifies this reservation among all the node made: a reservation made again for the same instance gets a
    /// new serial, so <see cref="INodeGrain.ReleaseOrphanedReservationAsync"/> never releases a newer one. Always positive.
    /// </summary>
    [Id(3)] public required long Serial { get; init; }

    /// <summary>The workload that made the reservation ("namespace/name"), or null when the node does not know it.</summary>
    [Id(4)] public string? WorkloadId { get; init; }
}
