namespace Enc.Scheduling;

public sealed partial class SchedulingPipeline
{
    private SchedulingDecision PlacedDecision(CyclePlan plan, ISchedulingAlgorithm algorithm, RunningInstance instance, IReadOnlyList<Eviction> evictions, IReadOnlyList<NodeVerdict> nodes)
    {
        var finalScore = plan.CandidateIndex >= 0 ? _totals[plan.CandidateIndex] : 0;
        return new SchedulingDecision
        {
            WorkloadId = instance.WorkloadId,
            ReplicaIndex = _cycle.ReplicaIndex,
            Outcome = SchedulingOutcome.Placed,
            InstanceId = instance.Id,
            NodeId = instance.NodeId,
            Algorithm = algorithm.Name,
            ResourceStrategy = algorithm.UsesScores ? _cycle.ResourceStrategy : "",
            FinalScore = finalScore,
            Scores = algorithm.UsesScores ? ScoresOf(plan.CandidateIndex) : [],
            Evictions = evictions,
            NodesEvaluated = plan.Evaluated,
            FeasibleNodes = plan.CandidateCount,
            TotalNodes = State.NodeCount,
            Nodes = nodes,
            Rejections = nodes.Count > 0 ? AggregateRejections(out _) : [],
            Message = evictions.Count > 0
                ? $"placed on {instance.NodeId} after preempting {evictions.Count} instance(s)"
                : $"placed on {instance.NodeId} ({plan.CandidateCount} feasible of {plan.Evaluated} nodes evaluated)",
        };
    }

    private SchedulingDecision PendingDecision(CyclePlan plan, ISchedulingAlgorithm algorithm, ExplainLevel explain)
    {
        var request = _cycle.Request;
        IReadOnlyList<RejectionCount> rejections;
        string message;
        ClusterEventKinds requeueOn;
        if (plan.PreFilterPlugin.Length > 0)
        {
            rejections = [];
            message = $"{plan.PreFilterPlugin}: {plan.PreFilterStatus.Reason}";
            requeueOn = RequeueEventsOf(plan.PreFilterPlugin) | ClusterEventKinds.NodeAdded;
        }
        else
        {
            rejections = AggregateRejections(out requeueOn);
            var byReason = rejections.GroupBy(r => r.Reason, StringComparer.Ordinal)
                .Select(g => (Reason: g.Key, Nodes: g.Sum(r => r.Nodes)))
                .OrderByDescending(g => g.Nodes).ThenBy(g => g.Reason, StringComparer.Ordinal)
                .Select(g => $"{g.Nodes} {g.Reason}");
            message = $"0/{State.NodeCount} nodes are available: {string.Join(", ", byReason)}";
        }

        return new SchedulingDecision
        {
            WorkloadId = request.WorkloadId,
            ReplicaIndex = _cycle.ReplicaIndex,
            Outcome = SchedulingOutcome.Pending,
            Algorithm = algorithm.Name,
            ResourceStrategy = algorithm.UsesScores ? _cycle.ResourceStrategy : "",
            NodesEvaluated = plan.Evaluated,
            TotalNodes = State.NodeCount,
            Rejections = rejections,
            Nodes = explain == ExplainLevel.Nodes && plan.PreFilterPlugin.Length == 0 ? ExplainNodes(plan) : [],
            Message = message,
            RequeueOn = requeueOn,
        };
    }

    /// <summary>Second pass over every node: why each one is infeasible, counted per node class, plugin and reason.</summary>
    private List<RejectionCount> AggregateRejections(out ClusterEventKinds requeueOn)
    {
        var counts = new Dictionary<(int Class, string Plugin, string Reason), int>();
        requeueOn = ClusterEventKinds.NodeAdded;
        for (var node = 0; node < State.NodeCount; node++)
        {
            if (!TryFindRejection(node, out var plugin, out var status))
            {
                continue;
            }

            var key = (State.NodeClassOf[node], plugin, status.Reason);
            counts[key] = counts.GetValueOrDefault(key) + 1;
            requeueOn |= RequeueEventsOf(plugin);
        }

        return counts
            .Select(p => new RejectionCount(State.Classes[p.Key.Class].Describe(), p.Key.Plugin, p.Key.Reason, p.Value))
            .OrderByDescending(r => r.Nodes)
            .ThenBy(r => r.NodeClass, StringComparer.Ordinal)
            .ThenBy(r => r.Plugin, StringComparer.Ordinal)
            .ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The first filter that rejects <paramref name="node"/> in the current cycle, if any.</summary>
    private bool TryFindRejection(int node, out string plugin, out FilterStatus status)
    {
        var verdict = _cycle.ClassVerdictOf(State.NodeClassOf[node]);
        if (!verdict.Status.IsSuccess)
        {
            plugin = verdict.Plugin;
            status = verdict.Status;
            return true;
        }

        foreach (var filter in _filters)
        {
            status = filter.Filter(_cycle, node);
            if (!status.IsSuccess)
            {
                plugin = filter.Name;
                return true;
            }
        }

        plugin = "";
        status = FilterStatus.Success;
        return false;
    }

    private IReadOnlyList<NodeVerdict> ExplainNodes(CyclePlan plan)
    {
        var candidateIndex = new Dictionary<int, int>(plan.CandidateCount);
        for (var k = 0; k < plan.CandidateCount; k++)
        {
            candidateIndex[_candidates[k]] = k;
        }

        var verdicts = new NodeVerdict[State.NodeCount];
        for (var node = 0; node < State.NodeCount; node++)
        {
            var id = State.NodeIds[node];
            if (node == plan.Node)
            {
                verdicts[node] = new NodeVerdict
                {
                    NodeId = id, Kind = NodeVerdictKind.Selected, Scores = ScoresOf(plan.CandidateIndex),
                    FinalScore = plan.CandidateIndex >= 0 ? _totals[plan.CandidateIndex] : 0,
                };
            }
            else if (candidateIndex.TryGetValue(node, out var k))
            {
                verdicts[node] = new NodeVerdict { NodeId = id, Kind = NodeVerdictKind.Scored, Scores = ScoresOf(k), FinalScore = _totals[k] };
            }
            else if (TryFindRejection(node, out var plugin, out var status))
            {
                verdicts[node] = new NodeVerdict { NodeId = id, Kind = NodeVerdictKind.Rejected, Plugin = plugin, Reason = status.Reason };
            }
            else
            {
                verdicts[node] = new NodeVerdict { NodeId = id, Kind = NodeVerdictKind.NotSampled };
            }
        }

        return verdicts;
    }

    private ClusterEventKinds RequeueEventsOf(string pluginName)
    {
        foreach (var plugin in _filters)
        {
            if (plugin.Name == pluginName)
            {
                return plugin.RequeueOn;
            }
        }

        foreach (var plugin in _classFilters)
        {
            if (plugin.Name == pluginName)
            {
                return plugin.RequeueOn;
            }
        }

        foreach (var plugin in _preFilters)
        {
            if (plugin.Name == pluginName)
            {
                return plugin.RequeueOn;
            }
        }

        return ClusterEventKinds.All;
    }
}
