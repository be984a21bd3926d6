using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Nodes.Reservations;

namespace Enc.Grains.Nodes;

/// <summary>
/// Reservation stamps: every reservation records when and for which workload it was made, under a serial that a
/// reservation made again for the same instance replaces, so the reservation audit can release exactly the
/// reservation it judged orphaned and never a newer one.
/// </summary>
public sealed partial class NodeLifecycle
{
    /// <summary>
    /// Reserves for <paramref name="instanceId"/> of <paramref name="workloadId"/> (null when the caller did not say),
    /// first releasing <paramref name="victims"/> when there are any (see
    /// <see cref="TryAssignWorkload(string, ResourceQuantities, IReadOnlyList{string})"/>), and stamps the new
    /// reservation with <paramref name="now"/> and a fresh serial. Returns false, changing nothing, when it does not fit.
    /// </summary>
    public bool TryReserve(string? workloadId, string instanceId, ResourceQuantities request, IReadOnlyList<string> victims, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(victims);
        var reserved = victims.Count == 0 ? TryAssignWorkload(instanceId, request) : TryAssignWorkload(instanceId, request, victims);
        if (!reserved)
        {
            return false;
        }

        StampReserved(workloadId, instanceId, victims, now);
        return true;
    }

    /// <summary>
    /// Records a reservation just made for <paramref name="instanceId"/> (a fresh stamp) and forgets the stamps of
    /// the <paramref name="victims"/> it released.
    /// </summary>
    public void StampReserved(string? workloadId, string instanceId, IReadOnlyList<string> victims, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(victims);
        foreach (var victim in victims)
        {
            Record.ReservationStamps.Remove(victim);
        }

        Record.ReservationStamps[instanceId] = NewStamp(now, workloadId);
    }

    /// <summary>
    /// Stamps every reservation that has no stamp (stored before stamps existed) with <paramref name="now"/>, and
    /// drops stamps whose reservation is gone; returns true when anything changed. An unstamped reservation is thus
    /// audited only a full grace period after the node first saw it.
    /// </summary>
    public bool StampUnstamped(DateTimeOffset now)
    {
        var changed = false;
        foreach (var (instanceId, _) in Record.Allocations)
        {
            if (!Record.ReservationStamps.ContainsKey(instanceId))
            {
                Record.ReservationStamps[instanceId] = NewStamp(now, workloadId: null);
                changed = true;
            }
        }

        var held = Record.Allocations.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Record.ReservationStamps.Keys.Where(k => !held.Contains(k)).ToList())
        {
            changed |= Record.ReservationStamps.Remove(stale);
        }

        return changed;
    }

    /// <summary>The reservations in reservation order, each with its stamp (reservations without one are skipped).</summary>
    public IReadOnlyList<NodeReservation> Reservations()
    {
        var reservations = new List<NodeReservation>(Record.Allocations.Count);
        foreach (var (instanceId, resources) in Record.Allocations)
        {
            if (Record.ReservationStamps.TryGetValue(instanceId, out var stamp))
            {
                reservations.Add(new NodeReservation
                {
                    InstanceId = instanceId,
                    Resources = resources,
                    ReservedAt = stamp.ReservedAt,
                    Serial = stamp.Serial,
                    WorkloadId = stamp.WorkloadId,
                });
            }
        }

        return reservations;
    }

    /// <summary>
    /// Whether the node's reservation for <paramref name="instanceId"/> is still the one an audit read: the same
    /// serial and time as <paramref name="read"/>, or (null) still no reservation at all.
    /// </summary>
    public bool ReservationIs(string instanceId, NodeReservation? read)
    {
        var held = Record.Allocations.FindIndex(a => a.Key == instanceId) >= 0;
        if (read is null)
        {
            return !held;
        }

        return held && Record.ReservationStamps.TryGetValue(instanceId, out var stamp)
            && stamp.Serial == read.Serial && stamp.ReservedAt == read.ReservedAt;
    }

    private NodeReservationStamp NewStamp(DateTimeOffset now, string? workloadId) =>
        new() { ReservedAt = now, Serial = ++Record.LastReservationSerial, WorkloadId = workloadId };
}
