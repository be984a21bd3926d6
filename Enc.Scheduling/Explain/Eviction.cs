namespace Enc.Scheduling.Explain;

/// <summary>An instance the scheduler evicts (preemption victim or NoExecute taint).</summary>
/// <param name="InstanceId">Evicted instance.</param>
/// <param name="WorkloadId">Its workload.</param>
/// <param name="NodeId">Its node.</param>
/// <param name="Priority">Its priority.</param>
/// <param name="Reason">Why (e.g. <c>preempted by web (priority 100)</c>).</param>
public sealed record Eviction(string InstanceId, string WorkloadId, string NodeId, int Priority, string Reason);
