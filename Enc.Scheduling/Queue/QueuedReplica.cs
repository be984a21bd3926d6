namespace Enc.Scheduling.Queue;

/// <summary>One replica of a request waiting in a <see cref="SchedulingQueue"/>.</summary>
/// <param name="Request">The request.</param>
/// <param name="ReplicaIndex">The replica's index.</param>
public readonly record struct QueuedReplica(SchedulingRequest Request, int ReplicaIndex)
{
    /// <summary>The instance id the replica will get.</summary>
    public string InstanceId => InstanceIds.For(Request.WorkloadId, ReplicaIndex);
}
