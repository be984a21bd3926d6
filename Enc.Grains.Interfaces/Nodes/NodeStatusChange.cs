namespace Enc.Grains.Interfaces.Nodes;

/// <summary>One entry of a node's status history.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Nodes.NodeStatusChange")]
public sealed record NodeStatusChange
{
    /// <summary>Status before the change (<see cref="NodeStatus.Invalid"/> for the first registration).</summary>
    [Id(0)] public required NodeStatus From { get; init; }

    /// <summary>Status after the change.</summary>
    [Id(1)] public required NodeStatus To { get; init; }

    /// <summary>When the change happened (UTC).</summary>
    [Id(2)] public required DateTimeOffset At { get; init; }

    /// <summary>Why the status changed; one of <see cref="NodeStatusReasons"/>.</summary>
    [Id(3)] public required string Reason { get; init; }
}
