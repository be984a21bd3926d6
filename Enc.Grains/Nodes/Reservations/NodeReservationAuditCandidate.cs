using Enc.Grains.Interfaces.Nodes.Reservations;

namespace Enc.Grains.Nodes.Reservations;

/// <summary>
/// One instance a reservation audit asks its workload about: the workload that made the reservation (or whose
/// instance entry it is), and the reservation as read (null for an instance entry without a reservation), so that
/// only that reservation is released when the workload no longer holds the instance.
/// </summary>
public sealed record NodeReservationAuditCandidate(string InstanceId, string WorkloadId, NodeReservation? Reservation);
