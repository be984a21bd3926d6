namespace Enc.Grains.Nodes.Reservations;

/// <summary>What a reservation audit concluded about one instance (<see cref="NodeReservationAudit.Judge"/>).</summary>
public enum NodeReservationVerdict
{
    /// <summary>Not a verdict (the default value).</summary>
    Invalid = 0,

    /// <summary>The workload holds the instance on this node: the reservation stays.</summary>
    Owned = 1,

    /// <summary>No workload holds the instance on this node: the reservation and entry are released.</summary>
    Orphaned = 2,

    /// <summary>The workload could not be asked: the reservation stays until the next audit.</summary>
    Unknown = 3,
}
