namespace Enc.Scheduling.Tests.Properties;

/// <summary>A naive, independent statement of the hard constraints, used to cross-check the pipeline's placements.</summary>
public static class ReferenceConstraints
{
    /// <summary>Static node constraints: Ready, selector, required node affinity, hard taints tolerated.</summary>
    public static bool NodeAllows(SchedulingRequest request, NodeInfo node)
    {
        if (node.Status != NodeStatus.Ready)
        {
            return false;
        }

        if (request.NodeSelector.Any(p => !node.Labels.TryGetValue(p.Key, out var v) || v != p.Value))
        {
            return false;
        }

        if (request.RequiredNodeAffinity.Count > 0 && !request.RequiredNodeAffinity.Any(t => t.Expressions.All(e => e.Matches(node.Labels))))
        {
            return false;
        }

        return node.Taints.All(t => t.Effect == TaintEffect.PreferNoSchedule || request.Tolerations.Any(tol => tol.Tolerates(t)));
    }

    /// <summary>Workload (anti-)affinity checked against the instances that were live just before the placement.</summary>
    public static bool AffinityHolds(SchedulingRequest request, NodeInfo node, IReadOnlyList<(RunningInstance Instance, NodeInfo Node)> liveBefore)
    {
        bool InDomain(WorkloadAffinityTerm term, (RunningInstance Instance, NodeInfo Node) other) =>
            other.Instance.Namespace == request.Namespace &&
            term.Selector.All(e => e.Matches(other.Instance.Labels)) &&
            (term.Topology == TopologyScope.Node ? other.Node.Id == node.Id : node.Zone.Length > 0 && other.Node.Zone == node.Zone);

        foreach (var term in request.RequiredWorkloadAntiAffinity)
        {
            if (liveBefore.Any(o => InDomain(term, o)))
            {
                return false;
            }
        }

        foreach (var term in request.RequiredWorkloadAffinity)
        {
            var anyMatch = liveBefore.Any(o => o.Instance.Namespace == request.Namespace && term.Selector.All(e => e.Matches(o.Instance.Labels)));
            var selfMatch = term.Selector.All(e => e.Matches(request.Labels));
            if (anyMatch ? !liveBefore.Any(o => InDomain(term, o)) : !selfMatch)
            {
                return false;
            }
        }

        return true;
    }
}
