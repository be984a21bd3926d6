namespace Enc.Scheduling.State;

/// <summary>
/// The instances one workload-affinity term selects, resolved once per cycle and answered per node or zone.
/// </summary>
/// <remarks>
/// Fast path: a selector that is a single <c>key In [values]</c> expression (the usual
/// <c>app In [db]</c>) is answered from the incrementally maintained <see cref="LabelDomainCounts"/>,
/// with no per-cycle work proportional to the number of instances. Any other selector walks its
/// candidate instances once into a <see cref="TopologyMatchSet"/>.
/// </remarks>
public sealed class AffinityTermMatches
{
    private readonly TopologyMatchSet _set = new();
    private readonly List<LabelDomainCounts> _counts = [];
    private readonly List<int> _scratch = [];
    private bool _indexed;

    /// <summary>Live matching instances anywhere in the cluster.</summary>
    public int Total { get; private set; }

    /// <summary>Resolves <paramref name="selector"/> over the live instances of namespace <paramref name="ns"/>.</summary>
    public void Resolve(SchedulerState state, string ns, IReadOnlyList<LabelExpression> selector)
    {
        Total = 0;
        if (selector.Count == 1 && selector[0].Operator == LabelOperator.In)
        {
            _indexed = true;
            _counts.Clear();
            foreach (var value in selector[0].Values)
            {
                var counts = state.LabelCounts(ns, selector[0].Key, value);
                if (counts is { Total: > 0 })
                {
                    _counts.Add(counts);
                    Total += counts.Total;
                }
            }

            return;
        }

        _indexed = false;
        _set.Reset(state.NodeCount, state.Zones.Length);
        _scratch.Clear();
        state.CollectMatchingInstances(ns, selector, _scratch);
        foreach (var ordinal in _scratch)
        {
            var node = state.Instances[ordinal].Node;
            _set.Add(node, state.ZoneOf[node]);
        }

        Total = _set.Total;
    }

    /// <summary>Matching instances in the domain (<paramref name="scope"/>) of <paramref name="node"/>, whose zone is <paramref name="zone"/>.</summary>
    public int CountInDomain(TopologyScope scope, int node, int zone)
    {
        if (!_indexed)
        {
            return _set.CountInDomain(scope, node, zone);
        }

        var total = 0;
        for (var i = 0; i < _counts.Count; i++)
        {
            total += scope == TopologyScope.Zone ? (zone >= 0 ? _counts[i].Zones[zone] : 0) : _counts[i].OnNode(node);
        }

        return total;
    }
}
