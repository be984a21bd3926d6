namespace Enc.Scheduling.Plugins;

/// <summary>
/// Affinity and anti-affinity to instances of other workloads, per node or per zone. Required terms
/// filter; preferred terms score (weight per term whose domain holds a match; anti-affinity subtracts).
/// </summary>
/// <remarks>
/// PreFilter resolves each term once into an <see cref="AffinityTermMatches"/> (incrementally
/// maintained per-label counts for <c>key In [values]</c> selectors), so the per-node check is a lookup. As in Kubernetes, a
/// required affinity term that matches no instance anywhere is satisfied when the request's own
/// labels match it (the first replica of a self-affine group must land somewhere).
/// Only the request's terms are checked; running instances do not carry anti-affinity terms of their own.
/// </remarks>
public sealed class WorkloadAffinityPlugin : IPreFilterPlugin, IFilterPlugin, IScorePlugin
{
    /// <summary>Plugin name.</summary>
    public const string PluginName = PluginNames.WorkloadAffinity;

    // Per-cycle state: one match set per term, written in PreFilter/PreScore and read in Filter/Score.
    private readonly List<AffinityTermMatches> _required = [];
    private readonly List<AffinityTermMatches> _anti = [];
    private readonly List<AffinityTermMatches> _preferred = [];
    private readonly List<AffinityTermMatches> _preferredAnti = [];
    private bool[] _requiredSatisfiedBySelf = new bool[4];
    private bool _hasRequired;

    /// <inheritdoc/>
    public string Name => PluginName;

    /// <inheritdoc/>
    public ClusterEventKinds RequeueOn =>
        ClusterEventKinds.NodeAdded | ClusterEventKinds.InstanceAdded | ClusterEventKinds.InstanceRemoved | ClusterEventKinds.NodeLabelsChanged;

    /// <inheritdoc/>
    public FilterStatus PreFilter(SchedulingCycle cycle)
    {
        var request = cycle.Request;
        _hasRequired = request.RequiredWorkloadAffinity.Count > 0 || request.RequiredWorkloadAntiAffinity.Count > 0;
        if (!_hasRequired)
        {
            return FilterStatus.Success;
        }

        if (_requiredSatisfiedBySelf.Length < request.RequiredWorkloadAffinity.Count)
        {
            _requiredSatisfiedBySelf = new bool[request.RequiredWorkloadAffinity.Count];
        }

        Fill(cycle, request.RequiredWorkloadAffinity, _required);
        Fill(cycle, request.RequiredWorkloadAntiAffinity, _anti);
        for (var t = 0; t < request.RequiredWorkloadAffinity.Count; t++)
        {
            var satisfiedBySelf = _required[t].Total == 0 && LabelExpression.MatchesAll(request.RequiredWorkloadAffinity[t].Selector, request.Labels);
            _requiredSatisfiedBySelf[t] = satisfiedBySelf;
            if (_required[t].Total == 0 && !satisfiedBySelf)
            {
                return FilterStatus.Unresolvable(RejectionReasons.WorkloadAffinityMismatch);
            }
        }

        return FilterStatus.Success;
    }

    /// <inheritdoc/>
    public FilterStatus Filter(SchedulingCycle cycle, int node)
    {
        if (!_hasRequired)
        {
            return FilterStatus.Success;
        }

        var request = cycle.Request;
        var zone = cycle.State.ZoneOf[node];
        for (var t = 0; t < request.RequiredWorkloadAffinity.Count; t++)
        {
            var term = request.RequiredWorkloadAffinity[t];
            if (!_requiredSatisfiedBySelf[t] && _required[t].CountInDomain(term.Topology, node, zone) == 0)
            {
                return FilterStatus.Unresolvable(RejectionReasons.WorkloadAffinityMismatch);
            }
        }

        for (var t = 0; t < request.RequiredWorkloadAntiAffinity.Count; t++)
        {
            var term = request.RequiredWorkloadAntiAffinity[t];
            if (_anti[t].CountInDomain(term.Topology, node, zone) > 0)
            {
                return FilterStatus.Unresolvable(RejectionReasons.WorkloadAntiAffinityConflict);
            }
        }

        return FilterStatus.Success;
    }

    /// <inheritdoc/>
    public bool PreScore(SchedulingCycle cycle, ReadOnlySpan<int> candidates)
    {
        var request = cycle.Request;
        if (request.PreferredWorkloadAffinity.Count == 0 && request.PreferredWorkloadAntiAffinity.Count == 0)
        {
            return false;
        }

        Fill(cycle, request.PreferredWorkloadAffinity, _preferred);
        Fill(cycle, request.PreferredWorkloadAntiAffinity, _preferredAnti);
        return true;
    }

    /// <inheritdoc/>
    public int Score(SchedulingCycle cycle, int node)
    {
        var request = cycle.Request;
        var zone = cycle.State.ZoneOf[node];
        var score = 0;
        for (var t = 0; t < request.PreferredWorkloadAffinity.Count; t++)
        {
            var term = request.PreferredWorkloadAffinity[t];
            if (_preferred[t].CountInDomain(term.Topology, node, zone) > 0)
            {
                score += term.Weight;
            }
        }

        for (var t = 0; t < request.PreferredWorkloadAntiAffinity.Count; t++)
        {
            var term = request.PreferredWorkloadAntiAffinity[t];
            if (_preferredAnti[t].CountInDomain(term.Topology, node, zone) > 0)
            {
                score -= term.Weight;
            }
        }

        return score;
    }

    /// <inheritdoc/>
    public void Normalize(SchedulingCycle cycle, Span<int> scores) => ScoreNormalization.MinMax(scores, lowerIsBetter: false);

    private static void Fill(SchedulingCycle cycle, IReadOnlyList<WorkloadAffinityTerm> terms, List<AffinityTermMatches> matches)
    {
        while (matches.Count < terms.Count)
        {
            matches.Add(new AffinityTermMatches());
        }

        for (var t = 0; t < terms.Count; t++)
        {
            matches[t].Resolve(cycle.State, cycle.Request.Namespace, terms[t].Selector);
        }
    }
}
