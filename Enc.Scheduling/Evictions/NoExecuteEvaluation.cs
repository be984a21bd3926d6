namespace Enc.Scheduling.Evictions;

/// <summary>Result of <see cref="NoExecuteEvictor.Evaluate"/>.</summary>
/// <param name="EvictNow">Instances to evict now.</param>
/// <param name="EvictLater">Instances whose toleration runs out later, with the time.</param>
public sealed record NoExecuteEvaluation(IReadOnlyList<Explain.Eviction> EvictNow, IReadOnlyList<ScheduledEviction> EvictLater);
