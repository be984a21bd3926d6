namespace Enc.Scheduling.Queue;

/// <summary>Queue ordering: higher priority first, then lower submission sequence, then workload id, then replica index.</summary>
/// <remarks>The last two keys make the order total, so two validators draining the same queue agree.</remarks>
public sealed class QueueOrder : IComparer<QueuedReplica>
{
    /// <summary>The shared instance.</summary>
    public static QueueOrder Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare(QueuedReplica x, QueuedReplica y)
    {
        var c = y.Request.Priority.CompareTo(x.Request.Priority);
        if (c != 0)
        {
            return c;
        }

        c = x.Request.SubmissionSequence.CompareTo(y.Request.SubmissionSequence);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Request.WorkloadId, y.Request.WorkloadId);
        return c != 0 ? c : x.ReplicaIndex.CompareTo(y.ReplicaIndex);
    }
}
