namespace Enc.Scheduling.Evictions;

/// <summary>
/// Lists running instances a <c>NoExecute</c> taint evicts: at once when no toleration matches the
/// taint, or when a matching toleration's <c>TolerationSeconds</c> has run out since the taint was added.
/// </summary>
/// <remarks>Time is injected (the <c>now</c> arguments), never read from a clock, so results are reproducible.</remarks>
public static class NoExecuteEvictor
{
    /// <summary>Evaluates every instance of <paramref name="snapshot"/> at <paramref name="now"/>, in instance-id order.</summary>
    public static NoExecuteEvaluation Evaluate(ClusterSnapshot snapshot, DateTimeOffset now)
    {
        var nodes = snapshot.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var evictNow = new List<Explain.Eviction>();
        var evictLater = new List<ScheduledEviction>();
        foreach (var instance in snapshot.Instances.OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            if (!nodes.TryGetValue(instance.NodeId, out var node))
            {
                continue;
            }

            DateTimeOffset? deadline = null;
            Taint? cause = null;
            foreach (var taint in node.Taints)
            {
                if (taint.Effect != TaintEffect.NoExecute)
                {
                    continue;
                }

                var taintDeadline = DeadlineFor(instance.Tolerations, taint, now);
                if (taintDeadline is { } d && (deadline is null || d < deadline))
                {
                    deadline = d;
                    cause = taint;
                }
            }

            if (deadline is not { } due || cause is null)
            {
                continue;
            }

            var reason = $"node {node.Id} has NoExecute taint {cause.Key}={cause.Value} the workload doesn't tolerate";
            if (due <= now)
            {
                evictNow.Add(new Explain.Eviction(instance.Id, instance.WorkloadId, node.Id, instance.Priority, reason));
            }
            else
            {
                evictLater.Add(new ScheduledEviction(new Explain.Eviction(instance.Id, instance.WorkloadId, node.Id, instance.Priority, reason), due));
            }
        }

        return new NoExecuteEvaluation(evictNow, evictLater);
    }

    /// <summary>When <paramref name="taint"/> evicts an instance with <paramref name="tolerations"/>; null when it never does.</summary>
    public static DateTimeOffset? DeadlineFor(IReadOnlyList<Toleration> tolerations, Taint taint, DateTimeOffset now)
    {
        long? longest = null;
        var tolerated = false;
        foreach (var toleration in tolerations)
        {
            if (!toleration.Tolerates(taint))
            {
                continue;
            }

            if (toleration.TolerationSeconds is null)
            {
                return null;
            }

            tolerated = true;
            longest = Math.Max(longest ?? long.MinValue, toleration.TolerationSeconds.Value);
        }

        if (!tolerated)
        {
            return now;
        }

        var since = taint.TimeAdded ?? now;
        return since.AddSeconds(Math.Max(0, longest!.Value));
    }
}
