namespace Enc.Scheduling.Preemption;

/// <summary>
/// Finds, when no node fits a request, a node where evicting lower-priority instances makes it fit,
/// choosing a minimal victim set and the node whose eviction hurts least.
/// </summary>
/// <remarks>
/// Candidate nodes pass every class filter and are rejected by per-node filters only with
/// <see cref="FilterCode.Unschedulable"/> (resolvable) codes. Per node: start from all instances with
/// lower priority than the request; if removing them all does not make room, skip the node; then
/// reprieve victims from the most important down (higher priority first, then instance id) whenever
/// the request still fits without evicting them. No remaining victim can be spared, so the set is
/// minimal by inclusion. The eviction is then applied hypothetically and every per-node filter must
/// pass. Among nodes: lowest highest-victim-priority, then fewest victims, then lowest priority sum,
/// then the stable (node, workload) hash, as kube-scheduler's preemption orders candidates.
/// </remarks>
public sealed class Preemptor
{
    private readonly IFilterPlugin[] _filters;
    private readonly List<int> _lower = [];
    private readonly List<int> _victims = [];

    /// <summary>Creates a preemptor that re-checks <paramref name="filters"/> after hypothetical evictions.</summary>
    public Preemptor(IFilterPlugin[] filters) => _filters = filters;

    /// <summary>The best preemption for the cycle's request, or <see langword="null"/> when none helps.</summary>
    public PreemptionPlan? Find(SchedulingCycle cycle)
    {
        var state = cycle.State;
        var priority = cycle.Request.Priority;
        PreemptionPlan? best = null;
        (long MaxPriority, int Count, long Sum, ulong Tie) bestKey = default;
        for (var node = 0; node < state.NodeCount; node++)
        {
            if (!cycle.ClassPasses(state.NodeClassOf[node]) || !OnlyResolvableRejections(cycle, node))
            {
                continue;
            }

            var victims = VictimsOn(cycle, node, priority);
            if (victims is null)
            {
                continue;
            }

            long max = long.MinValue, sum = 0;
            foreach (var v in victims)
            {
                var p = state.Instances[v].Instance.Priority;
                max = Math.Max(max, p);
                sum += p;
            }

            var key = (max, victims.Count, sum, ~ResourceBasedAlgorithm.TieBreak(cycle, node));
            if (best is null || key.CompareTo(bestKey) < 0)
            {
                best = new PreemptionPlan(node, victims);
                bestKey = key;
            }
        }

        return best;
    }

    private bool OnlyResolvableRejections(SchedulingCycle cycle, int node)
    {
        var rejected = false;
        foreach (var filter in _filters)
        {
            var status = filter.Filter(cycle, node);
            if (status.Code == FilterCode.UnschedulableAndUnresolvable)
            {
                return false;
            }

            rejected |= !status.IsSuccess;
        }

        return rejected;
    }

    private List<int>? VictimsOn(SchedulingCycle cycle, int node, int priority)
    {
        var state = cycle.State;
        _lower.Clear();
        foreach (var ordinal in state.InstancesOnNode(node))
        {
            var record = state.Instances[ordinal];
            if (record.Alive && record.Instance.Priority < priority)
            {
                _lower.Add(ordinal);
            }
        }

        if (_lower.Count == 0)
        {
            return null;
        }

        var request = cycle.Request.Resources;
        var free = state.Free(node);
        var released = ResourceVector.Zero;
        foreach (var ordinal in _lower)
        {
            released += state.Instances[ordinal].Instance.Resources;
        }

        if (!request.FitsWithin(free + released))
        {
            return null;
        }

        // Reprieve the most important instances first.
        _lower.Sort((a, b) =>
        {
            var ia = state.Instances[a].Instance;
            var ib = state.Instances[b].Instance;
            var byPriority = ib.Priority.CompareTo(ia.Priority);
            return byPriority != 0 ? byPriority : string.CompareOrdinal(ia.Id, ib.Id);
        });
        _victims.Clear();
        foreach (var ordinal in _lower)
        {
            var resources = state.Instances[ordinal].Instance.Resources;
            if (request.FitsWithin(free + released - resources))
            {
                released -= resources;
            }
            else
            {
                _victims.Add(ordinal);
            }
        }

        _victims.Reverse();
        return PassesAfterEviction(cycle, node) ? [.. _victims] : null;
    }

    private bool PassesAfterEviction(SchedulingCycle cycle, int node)
    {
        foreach (var victim in _victims)
        {
            cycle.State.Evict(victim);
        }

        var passes = true;
        foreach (var filter in _filters)
        {
            if (!filter.Filter(cycle, node).IsSuccess)
            {
                passes = false;
                break;
            }
        }

        foreach (var victim in _victims)
        {
            cycle.State.Restore(victim);
        }

        return passes;
    }
}
