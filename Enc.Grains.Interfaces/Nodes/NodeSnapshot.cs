namespace Enc.Grains.Interfaces.Nodes;

/// <summary>A point-in-time view of one node, as returned to clients.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Nodes.NodeSnapshot")]
public sealed record NodeSnapshot
{
    /// <summary>Stable node id, assigned at first registration and kept across restarts.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Node name (unique in the cluster; equals the name of the node's silo).</summary>
    [Id(1)] public required string Name { get; init; }

    /// <summary>Current status.</summary>
    [Id(2)] public required NodeStatus Status { get; init; }

    /// <summary>Drivers, platform, labels and topology.</summary>
    [Id(3)] public required NodeCapabilities Capabilities { get; init; }

    /// <summary>Capacity and allocations.</summary>
    [Id(4)] public required NodeResources Resources { get; init; }

    /// <summary>Network address of the node's silo (<c>host:port</c>).</summary>
    [Id(5)] public required string Address { get; init; }

    /// <summary>Weight of the node in consensus votes.</summary>
    [Id(6)] public required int ConsensusWeight { get; init; }

    /// <summary>Ids of the workloads holding allocations on the node, in assignment order.</summary>
    [Id(7)] public required IReadOnlyList<string> Workloads { get; init; }

    /// <summary>When the node first registered.</summary>
    [Id(8)] public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>When the last heartbeat (or registration) arrived.</summary>
    [Id(9)] public required DateTimeOffset LastHeartbeat { get; init; }

    /// <summary>Every status change, oldest first.</summary>
    [Id(10)] public required IReadOnlyList<NodeStatusChange> History { get; init; }

    /// <summary>Operator-set taints (<c>enc node taint</c>), oldest first.</summary>
    [Id(11)] public IReadOnlyList<NodeTaint> Taints { get; init; } = [];

    /// <summary>The node's BLS public key (lowercase hex) that signs its receipts; null when none was registered.</summary>
    [Id(20)] public string? PublicKey { get; init; }
}
