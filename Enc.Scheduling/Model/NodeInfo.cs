namespace Enc.Scheduling.Model;

/// <summary>One node of a <see cref="ClusterSnapshot"/>.</summary>
public sealed record NodeInfo
{
    /// <summary>Stable node id; node order inside the scheduler is the ordinal order of these ids.</summary>
    public required string Id { get; init; }

    /// <summary>Schedulable capacity.</summary>
    public required ResourceVector Capacity { get; init; }

    /// <summary>Everything allocated on the node, including the instances listed for it in the snapshot.</summary>
    public ResourceVector Allocated { get; init; }

    /// <summary>Node labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyLabels.Instance;

    /// <summary>Zone (failure domain); empty when unknown.</summary>
    public string Zone { get; init; } = "";

    /// <summary>Region; empty when unknown.</summary>
    public string Region { get; init; } = "";

    /// <summary>Taints.</summary>
    public IReadOnlyList<Taint> Taints { get; init; } = [];

    /// <summary>Readiness.</summary>
    /// <value>Defaults to <see cref="NodeStatus.Ready"/>.</value>
    public NodeStatus Status { get; init; } = NodeStatus.Ready;
}
