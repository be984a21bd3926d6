namespace Enc.Ledger.Receipts;

/// <summary>
/// What a receipt records. Encoded as a big-endian <c>uint16</c>; 0 is invalid. Values are grouped in
/// ranges of 100 so later kinds of decisions extend a family without renumbering: 1–99 node, 100–199
/// workload, 200–299 instance, 300–399 policy, 400–499 consensus, 500–599 service, 1000+ extensions. The
/// ledger and verifiers accept any non-zero value, so a new kind needs no ledger upgrade.
/// </summary>
public enum ReceiptKind : ushort
{
    /// <summary>Invalid sentinel; never encoded.</summary>
    Invalid = 0,

    /// <summary>A node joined the cluster (and registered its key).</summary>
    NodeJoined = 1,

    /// <summary>A node's status changed (ready, draining, down, …).</summary>
    NodeStatusChanged = 2,

    /// <summary>A node left the cluster.</summary>
    NodeLeft = 3,

    /// <summary>
    /// A node gave back a reservation (and took off an instance entry) that no workload held any more, found by the
    /// node's reservation audit; a normal release is recorded by its workload's instance receipts instead.
    /// </summary>
    NodeReservationReleased = 4,

    /// <summary>A workload was submitted.</summary>
    WorkloadSubmitted = 100,

    /// <summary>A workload's specification was updated.</summary>
    WorkloadUpdated = 101,

    /// <summary>A workload was stopped.</summary>
    WorkloadStopped = 102,

    /// <summary>A workload was deleted.</summary>
    WorkloadDeleted = 103,

    /// <summary>An instance was placed on a node.</summary>
    InstanceScheduled = 200,

    /// <summary>An instance started running.</summary>
    InstanceStarted = 201,

    /// <summary>An instance exited.</summary>
    InstanceExited = 202,

    /// <summary>An instance was restarted in place.</summary>
    InstanceRestarted = 203,

    /// <summary>An instance was moved to another node.</summary>
    InstanceRescheduled = 204,

    /// <summary>An instance was evicted from its node.</summary>
    InstanceEvicted = 205,

    /// <summary>A policy decision (admission, placement constraint, quota, …).</summary>
    PolicyDecision = 300,

    /// <summary>A consensus round committed a decision.</summary>
    ConsensusDecision = 400,

    /// <summary>Evidence that a validator equivocated (two conflicting signed consensus messages).</summary>
    ConsensusEvidence = 401,

    /// <summary>A service decision (endpoint added or removed, routing change, …).</summary>
    ServiceDecision = 500,
}
