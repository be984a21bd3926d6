using Enc.Grains.Interfaces.Scheduling;

namespace Enc.Grains.Scheduling;

/// <summary>What a node's NoExecute taints require now, and when to look again.</summary>
/// <param name="EvictNow">Instances to evict now.</param>
/// <param name="NextDue">When the earliest tolerated-for-a-while instance runs out of time; null when none.</param>
public sealed record NoExecuteEvictionPlan(IReadOnlyList<InstanceEviction> EvictNow, DateTimeOffset? NextDue);
