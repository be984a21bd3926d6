namespace Enc.Scheduling.Queue;

/// <summary>
/// The scheduling queue: an active heap in <see cref="QueueOrder"/> and an unschedulable sub-queue of
/// Pending replicas that move back only when a cluster event that may help them happens.
/// </summary>
/// <remarks>
/// Retrying is event-driven, never a busy loop: each Pending replica remembers the
/// <see cref="ClusterEventKinds"/> its rejecting plugins declared (a replica rejected for CPU waits for
/// <c>InstanceRemoved</c>, <c>NodeAdded</c> or <c>NodeCapacityChanged</c>, not for a label change).
/// An event that arrives while a replica is being scheduled is remembered, so the replica is not
/// parked after the very change that would have let it fit. Thread-safe.
/// </remarks>
public sealed class SchedulingQueue
{
    private readonly object _gate = new();
    private readonly PriorityQueue<QueuedReplica, QueuedReplica> _active = new(QueueOrder.Instance);
    private readonly SortedDictionary<string, (QueuedReplica Item, ClusterEventKinds RequeueOn)> _unschedulable = new(StringComparer.Ordinal);
    private ClusterEventKinds _eventsDuringCycle;

    /// <summary>Replicas ready to be scheduled.</summary>
    public int ActiveCount
    {
        get
        {
            lock (_gate)
            {
                return _active.Count;
            }
        }
    }

    /// <summary>Pending replicas waiting for a cluster event.</summary>
    public int UnschedulableCount
    {
        get
        {
            lock (_gate)
            {
                return _unschedulable.Count;
            }
        }
    }

    /// <summary>Queues every replica of <paramref name="request"/>.</summary>
    public void Enqueue(SchedulingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            for (var r = 0; r < request.Replicas; r++)
            {
                var item = new QueuedReplica(request, request.FirstReplicaIndex + r);
                _active.Enqueue(item, item);
            }
        }
    }

    /// <summary>Takes the next replica in queue order.</summary>
    public bool TryDequeue(out QueuedReplica item)
    {
        lock (_gate)
        {
            _eventsDuringCycle = ClusterEventKinds.None;
            return _active.TryDequeue(out item, out _);
        }
    }

    /// <summary>
    /// Parks a replica that could not be placed until one of <paramref name="requeueOn"/> happens (or
    /// requeues it at once if such an event happened since it was dequeued).
    /// </summary>
    public void MarkUnschedulable(QueuedReplica item, ClusterEventKinds requeueOn)
    {
        lock (_gate)
        {
            if ((_eventsDuringCycle & requeueOn) != 0)
            {
                _active.Enqueue(item, item);
                return;
            }

            _unschedulable[item.InstanceId] = (item, requeueOn);
        }
    }

    /// <summary>Moves back to the active queue every parked replica that <paramref name="kind"/> may help.</summary>
    /// <returns>How many replicas moved.</returns>
    public int OnClusterEvent(ClusterEventKinds kind)
    {
        lock (_gate)
        {
            _eventsDuringCycle |= kind;
            var moved = new List<string>();
            foreach (var pair in _unschedulable)
            {
                if ((pair.Value.RequeueOn & kind) != 0)
                {
                    moved.Add(pair.Key);
                    _active.Enqueue(pair.Value.Item, pair.Value.Item);
                }
            }

            foreach (var key in moved)
            {
                _unschedulable.Remove(key);
            }

            return moved.Count;
        }
    }

    /// <summary>Removes every queued or parked replica of <paramref name="workloadId"/> (the workload was deleted).</summary>
    public int Remove(string workloadId)
    {
        lock (_gate)
        {
            var kept = new List<QueuedReplica>();
            var removed = 0;
            while (_active.TryDequeue(out var item, out _))
            {
                if (item.Request.WorkloadId == workloadId)
                {
                    removed++;
                }
                else
                {
                    kept.Add(item);
                }
            }

            foreach (var item in kept)
            {
                _active.Enqueue(item, item);
            }

            foreach (var key in _unschedulable.Where(p => p.Value.Item.Request.WorkloadId == workloadId).Select(p => p.Key).ToList())
            {
                _unschedulable.Remove(key);
                removed++;
            }

            return removed;
        }
    }

    /// <summary>The parked replicas, in instance-id order.</summary>
    public IReadOnlyList<QueuedReplica> Unschedulable()
    {
        lock (_gate)
        {
            return _unschedulable.Values.Select(v => v.Item).ToList();
        }
    }
}
