namespace Enc.Scheduling;

public sealed partial class SchedulingPipeline
{
    private int[] _candidates = new int[256];
    private long[] _totals = new long[256];
    private int[] _scoreRows = [];
    private readonly bool[] _scorerActive;

    /// <summary>Number of feasible nodes the scan collects for a cluster of <paramref name="nodeCount"/> nodes.</summary>
    /// <remarks>
    /// kube-scheduler's percentageOfNodesToScore (adaptive <c>max(5, 50 - n/125)</c> percent) bounded
    /// by Nomad-style fixed limits: at least <see cref="SchedulerOptions.MinFeasibleNodesToScore"/>,
    /// at most <see cref="SchedulerOptions.MaxFeasibleNodesToScore"/>.
    /// </remarks>
    public int FeasibleNodesToScore(int nodeCount)
    {
        var percentage = Options.PercentageOfNodesToScore > 0 ? Options.PercentageOfNodesToScore : Math.Max(5, 50 - (nodeCount / 125));
        var limit = (int)((long)nodeCount * percentage / 100);
        limit = Math.Max(limit, Math.Min(Options.MinFeasibleNodesToScore, nodeCount));
        return Math.Max(1, Math.Min(limit, Options.MaxFeasibleNodesToScore));
    }

    private CyclePlan Plan(ISchedulingAlgorithm algorithm)
    {
        var cycle = _cycle;
        foreach (var preFilter in _preFilters)
        {
            var status = preFilter.PreFilter(cycle);
            if (!status.IsSuccess)
            {
                return new CyclePlan { Node = -1, CandidateIndex = -1, PreFilterPlugin = preFilter.Name, PreFilterStatus = status };
            }
        }

        var n = State.NodeCount;
        if (n == 0)
        {
            return new CyclePlan
            {
                Node = -1, CandidateIndex = -1, PreFilterPlugin = PluginNames.NodeStatus,
                PreFilterStatus = FilterStatus.Unresolvable(RejectionReasons.NoNodes),
            };
        }

        var limit = Math.Clamp(algorithm.FeasibleNodesToFind(cycle, FeasibleNodesToScore(n)), 1, n);
        EnsureCapacity(limit);
        var node = (int)(((algorithm.ScanStart(cycle) % n) + n) % n);
        var classOf = State.NodeClassOf;
        var count = 0;
        var evaluated = 0;

        // The scan: class verdict lookup, then per-node filters, until enough feasible nodes are found.
        for (var i = 0; i < n; i++)
        {
            evaluated++;
            if (cycle.ClassPasses(classOf[node]) && PassesNodeFilters(node))
            {
                _candidates[count++] = node;
                if (count == limit)
                {
                    break;
                }
            }

            if (++node == n)
            {
                node = 0;
            }
        }

        if (count == 0)
        {
            var preemption = Options.EnablePreemption ? _preemptor.Find(cycle) : null;
            return new CyclePlan { Node = preemption?.Node ?? -1, CandidateIndex = -1, Evaluated = evaluated, PreFilterPlugin = "", Preemption = preemption };
        }

        var candidates = _candidates.AsSpan(0, count);
        var totals = _totals.AsSpan(0, count);
        totals.Clear();
        if (algorithm.UsesScores)
        {
            ScoreCandidates(candidates, totals);
        }

        var chosen = algorithm.Select(cycle, candidates, totals);
        return new CyclePlan { Node = candidates[chosen], CandidateIndex = chosen, CandidateCount = count, Evaluated = evaluated, PreFilterPlugin = "" };
    }

    private bool PassesNodeFilters(int node)
    {
        var filters = _filters;
        for (var f = 0; f < filters.Length; f++)
        {
            if (!filters[f].Filter(_cycle, node).IsSuccess)
            {
                return false;
            }
        }

        return true;
    }

    private void ScoreCandidates(ReadOnlySpan<int> candidates, Span<long> totals)
    {
        var stride = _candidates.Length;
        for (var p = 0; p < _scorers.Length; p++)
        {
            var scorer = _scorers[p];
            _scorerActive[p] = scorer.PreScore(_cycle, candidates);
            if (!_scorerActive[p])
            {
                continue;
            }

            var row = _scoreRows.AsSpan(p * stride, candidates.Length);
            for (var k = 0; k < candidates.Length; k++)
            {
                row[k] = scorer.Score(_cycle, candidates[k]);
            }

            scorer.Normalize(_cycle, row);
            long weight = _weights[p];
            for (var k = 0; k < candidates.Length; k++)
            {
                totals[k] += weight * row[k];
            }
        }
    }

    private void EnsureCapacity(int limit)
    {
        if (_candidates.Length < limit)
        {
            var size = Math.Max(limit, _candidates.Length * 2);
            _candidates = new int[size];
            _totals = new long[size];
        }

        if (_scoreRows.Length < _scorers.Length * _candidates.Length)
        {
            _scoreRows = new int[_scorers.Length * _candidates.Length];
        }
    }

    private IReadOnlyList<PluginScore> ScoresOf(int candidateIndex)
    {
        if (candidateIndex < 0)
        {
            return [];
        }

        var scores = new List<PluginScore>(_scorers.Length);
        for (var p = 0; p < _scorers.Length; p++)
        {
            if (_scorerActive[p])
            {
                scores.Add(new PluginScore(_scorers[p].Name, _scoreRows[(p * _candidates.Length) + candidateIndex], _weights[p]));
            }
        }

        return scores;
    }

    private IReadOnlyList<Eviction> CommitVictims(CyclePlan plan)
    {
        if (plan.Preemption is null)
        {
            return [];
        }

        var request = _cycle.Request;
        var evictions = new List<Eviction>(plan.Preemption.Victims.Count);
        foreach (var ordinal in plan.Preemption.Victims)
        {
            var victim = State.Instances[ordinal].Instance;
            State.Evict(ordinal);
            evictions.Add(new Eviction(victim.Id, victim.WorkloadId, victim.NodeId, victim.Priority,
                $"preempted by {request.WorkloadId} (priority {request.Priority})"));
        }

        return evictions;
    }
}
