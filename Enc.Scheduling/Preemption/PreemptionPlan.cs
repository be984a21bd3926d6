namespace Enc.Scheduling.Preemption;

/// <summary>A node and the minimal set of lower-priority instances to evict from it.</summary>
/// <param name="Node">Node ordinal.</param>
/// <param name="Victims">Instance ordinals, in eviction order (lowest priority first).</param>
public sealed record PreemptionPlan(int Node, IReadOnlyList<int> Victims);
