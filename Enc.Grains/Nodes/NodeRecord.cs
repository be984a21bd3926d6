using Enc.Grains.Interfaces.Nodes;

namespace Enc.Grains.Nodes;

/// <summary>The persisted state of one node grain.</summary>
[GenerateSerializer]
[Alias("Enc.Nodes.NodeRecord")]
public sealed class NodeRecord
{
    /// <summary>Stable id assigned at first registration; empty until then.</summary>
    [Id(0)] public string Id { get; set; } = "";

    /// <summary>Current status (<see cref="NodeStatus.Invalid"/> until first registration).</summary>
    [Id(1)] public NodeStatus Status { get; set; }

    /// <summary>Last reported capabilities.</summary>
    [Id(2)] public NodeCapabilities? Capabilities { get; set; }

    /// <summary>Last reported capacity.</summary>
    [Id(3)] public ResourceQuantities Capacity { get; set; } = ResourceQuantities.Zero;

    /// <summary>Reservations by workload id, in assignment order.</summary>
    [Id(4)] public List<KeyValuePair<string, ResourceQuantities>> Allocations { get; set; } = [];

    /// <summary>Network address of the node's silo.</summary>
    [Id(5)] public string Address { get; set; } = "";

    /// <summary>Consensus weight.</summary>
    [Id(6)] public int ConsensusWeight { get; set; }

    /// <summary>First registration time.</summary>
    [Id(7)] public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>Last heartbeat (or registration) time.</summary>
    [Id(8)] public DateTimeOffset LastHeartbeat { get; set; }

    /// <summary>Status history, oldest first (bounded by <see cref="NodeLifecycle.MaxHistory"/>).</summary>
    [Id(9)] public List<NodeStatusChange> History { get; set; } = [];

    /// <summary>Operator-set taints, oldest first (see <see cref="NodeMarkings"/>).</summary>
    [Id(10)] public List<NodeTaint> Taints { get; set; } = [];

    /// <summary>Operator-set labels; they are added to the labels the agent reports (see <see cref="NodeMarkings"/>).</summary>
    [Id(11)] public Dictionary<string, string> Labels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// When and for which workload each reservation in <see cref="Allocations"/> was made, by instance id. Records
    /// written before this field existed load empty; the node stamps such reservations when it activates.
    /// </summary>
    [Id(12)] public Dictionary<string, NodeReservationStamp> ReservationStamps { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The serial of the node's latest reservation stamp (0 before the first).</summary>
    [Id(13)] public long LastReservationSerial { get; set; }

    /// <summary>The node's BLS public key (lowercase hex), registered with the ledger; null before.</summary>
    [Id(20)] public string? PublicKey { get; set; }

    /// <summary>Receipts of this node's status changes not yet confirmed by the ledger.</summary>
    [Id(21)] public Receipts.ReceiptOutbox Receipts { get; set; } = new();
}
