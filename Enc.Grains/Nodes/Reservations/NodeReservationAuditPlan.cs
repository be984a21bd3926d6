namespace Enc.Grains.Nodes.Reservations;

/// <summary>What one reservation audit asks (<see cref="NodeReservationAudit.Plan"/>).</summary>
/// <param name="Ask">The instances whose workload is asked whether it still holds them, in the node's order.</param>
/// <param name="OwnerUnknown">Old enough reservations the node knows no workload for (left alone).</param>
public sealed record NodeReservationAuditPlan(IReadOnlyList<NodeReservationAuditCandidate> Ask, IReadOnlyList<string> OwnerUnknown);
