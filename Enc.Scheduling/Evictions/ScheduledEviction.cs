namespace Enc.Scheduling.Evictions;

/// <summary>An eviction due at a later time.</summary>
/// <param name="Eviction">What will be evicted and why.</param>
/// <param name="Due">When.</param>
public sealed record ScheduledEviction(Explain.Eviction Eviction, DateTimeOffset Due);
