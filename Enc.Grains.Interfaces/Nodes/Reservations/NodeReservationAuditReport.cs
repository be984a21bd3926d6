namespace Enc.Grains.Interfaces.Nodes.Reservations;

/// <summary>What one reservation audit of a node did (<see cref="INodeReservationAuditGrain.AuditAsync"/>).</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Nodes.NodeReservationAuditReport")]
public sealed record NodeReservationAuditReport
{
    /// <summary>The audited node.</summary>
    [Id(0)] public required string NodeName { get; init; }

    /// <summary>Instances whose owning workload was asked (reservations older than the grace period, and instance entries without a reservation).</summary>
    [Id(1)] public required IReadOnlyList<string> Asked { get; init; }

    /// <summary>Instances no workload holds any more whose reservation and entry the audit gave back.</summary>
    [Id(2)] public required IReadOnlyList<string> Released { get; init; }

    /// <summary>Instances left alone because their workload could not be asked (the next audit asks again).</summary>
    [Id(3)] public required IReadOnlyList<string> Unreachable { get; init; }

    /// <summary>Reservations left alone because the node knows no workload for them (no owner recorded and no instance entry).</summary>
    [Id(4)] public required IReadOnlyList<string> OwnerUnknown { get; init; }
}
