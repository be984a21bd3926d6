namespace Enc.Scheduling.Binding;

/// <summary>A placement to reserve on a node, with the preemption victims to evict in the same step.</summary>
public sealed record BindingRequest
{
    /// <summary>Target node.</summary>
    public required string NodeId { get; init; }

    /// <summary>The new instance.</summary>
    public required RunningInstance Instance { get; init; }

    /// <summary>Resources to reserve.</summary>
    public ResourceVector Resources => Instance.Resources;

    /// <summary>Instance ids to evict first (preemption); empty for a plain placement.</summary>
    public IReadOnlyList<string> Victims { get; init; } = [];
}
