using Enc.Grains.Interfaces.Nodes.Reservations;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Nodes.Reservations;

/// <summary>
/// The decisions of a node's reservation audit, grain-free: which reservations and instance entries to check with
/// their workload (<see cref="Plan"/>), and what a workload's answer means (<see cref="Judge"/>). Reconciles the
/// node's actual reservations against the desired state its workloads hold, like a Kubernetes controller or
/// Nomad's client garbage collection, but never on a guess: only what the owning workload says it does not hold is
/// released, and a reservation younger than the grace period (a placement that may still be in progress) is not asked about.
/// </summary>
public static class NodeReservationAudit
{
    /// <summary>
    /// Chooses what to ask: every reservation made at least <paramref name="gracePeriod"/> before
    /// <paramref name="now"/>, under the workload that made it (or, when the node did not record that, the workload of
    /// the instance's entry on the node), and every instance entry without a reservation (a finished instance's
    /// entry, kept for its logs, whose reservation was given back when it finished). Reservations whose workload is
    /// unknown are listed apart and left alone.
    /// </summary>
    public static NodeReservationAuditPlan Plan(
        IReadOnlyList<NodeReservation> reservations, IReadOnlyList<AssignedInstance> entries, DateTimeOffset now, TimeSpan gracePeriod)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(gracePeriod, TimeSpan.Zero);
        var entryOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            entryOwners[entry.InstanceId] = entry.Spec.Id;
        }

        var ask = new List<NodeReservationAuditCandidate>();
        var ownerUnknown = new List<string>();
        var reserved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reservation in reservations)
        {
            reserved.Add(reservation.InstanceId);
            if (now - reservation.ReservedAt < gracePeriod)
            {
                continue; // may be a placement in progress: its workload may not have recorded it yet
            }

            if ((reservation.WorkloadId ?? entryOwners.GetValueOrDefault(reservation.InstanceId)) is { } owner)
            {
                ask.Add(new NodeReservationAuditCandidate(reservation.InstanceId, owner, reservation));
            }
            else
            {
                ownerUnknown.Add(reservation.InstanceId);
            }
        }

        // An entry without a reservation is never a placement in progress: a placement reserves before it assigns.
        foreach (var entry in entries.Where(e => !reserved.Contains(e.InstanceId)).OrderBy(e => e.InstanceId, StringComparer.Ordinal))
        {
            ask.Add(new NodeReservationAuditCandidate(entry.InstanceId, entry.Spec.Id, null));
        }

        return new NodeReservationAuditPlan(ask, ownerUnknown);
    }

    /// <summary>
    /// What a workload's answer means: it holds the instance on this node (keep), it does not (release), or it could
    /// not be asked (<paramref name="holds"/> null: keep until the next audit asks again).
    /// </summary>
    public static NodeReservationVerdict Judge(bool? holds) => holds switch
    {
        true => NodeReservationVerdict.Owned,
        false => NodeReservationVerdict.Orphaned,
        null => NodeReservationVerdict.Unknown,
    };
}
