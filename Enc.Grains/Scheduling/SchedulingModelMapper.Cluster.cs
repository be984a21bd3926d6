using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads.Placement;
using Enc.Scheduling.Model;
using SchedulingTaintEffect = Enc.Scheduling.Model.TaintEffect;

namespace Enc.Grains.Scheduling;

/// <summary>Cluster views (instances, taints, latencies) and affinity terms in the scheduler's model.</summary>
public static partial class SchedulingModelMapper
{
    /// <summary>
    /// The scheduler's view of a whole cluster: nodes with taints, the instances that hold reservations on
    /// them (priority, labels and tolerations from their specs), and measured latencies.
    /// </summary>
    /// <remarks>
    /// An instance counts only while its node still lists its reservation, so a node's allocation always
    /// covers its listed instances even while an eviction is half-way (reservation released, agent not yet told).
    /// </remarks>
    public static ClusterSnapshot ToClusterSnapshot(ClusterView view, long roundRobinCursor = 0)
    {
        ArgumentNullException.ThrowIfNull(view);
        var reservations = view.Nodes.ToDictionary(n => n.Name, n => n.Workloads.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var instances = new List<RunningInstance>();
        foreach (var placed in view.Instances)
        {
            if (reservations.TryGetValue(placed.NodeName, out var held) && held.Contains(placed.Instance.InstanceId) && seen.Add(placed.Instance.InstanceId))
            {
                instances.Add(ToRunningInstance(placed));
            }
        }

        return new ClusterSnapshot
        {
            Nodes = view.Nodes.Select(ToNodeInfo).ToList(),
            Instances = instances,
            Latency = ToLatencyMatrix(view.Latencies),
            RoundRobinCursor = roundRobinCursor,
        };
    }

    /// <summary>One placed instance in the scheduler's model.</summary>
    public static RunningInstance ToRunningInstance(PlacedInstance placed)
    {
        ArgumentNullException.ThrowIfNull(placed);
        var spec = placed.Instance.Spec;
        return new RunningInstance
        {
            Id = placed.Instance.InstanceId,
            WorkloadId = spec.Id,
            Namespace = spec.Namespace,
            NodeId = placed.NodeName,
            Labels = spec.Labels,
            Priority = spec.Scheduling.Priority,
            Resources = new ResourceVector(spec.Resources.CpuMillicores, spec.Resources.MemoryBytes, spec.Resources.DiskBytes, spec.Resources.NetworkBitsPerSecond),
            Tolerations = spec.Scheduling.Tolerations.Select(ToToleration).ToList(),
        };
    }

    /// <summary>
    /// Node-pair round trips: both directions of a pair are averaged (integer mean, halves rounded up) into one sample (the scheduler takes
    /// latency as symmetric).
    /// </summary>
    public static LatencyMatrix ToLatencyMatrix(IReadOnlyList<NodeLatency> latencies)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        if (latencies.Count == 0)
        {
            return LatencyMatrix.Empty;
        }

        var pairs = latencies
            .Where(l => !string.Equals(l.FromNode, l.ToNode, StringComparison.Ordinal))
            .GroupBy(l => string.CompareOrdinal(l.FromNode, l.ToNode) < 0 ? (l.FromNode, l.ToNode) : (l.ToNode, l.FromNode))
            .OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal)
            .Select(g => new LatencySample(g.Key.Item1, g.Key.Item2, (g.Sum(l => l.RoundTripMicroseconds) + (g.Count() / 2)) / g.Count()))
            .ToList();
        return new LatencyMatrix { NodePairs = pairs };
    }

    /// <summary>A node taint in the scheduler's model.</summary>
    public static Taint ToTaint(NodeTaint taint)
    {
        ArgumentNullException.ThrowIfNull(taint);
        return new Taint
        {
            Key = taint.Key,
            Value = taint.Value,
            TimeAdded = taint.AddedAt,
            Effect = taint.Effect switch
            {
                Interfaces.Workloads.TaintEffect.NoSchedule => SchedulingTaintEffect.NoSchedule,
                Interfaces.Workloads.TaintEffect.PreferNoSchedule => SchedulingTaintEffect.PreferNoSchedule,
                _ => SchedulingTaintEffect.NoExecute,
            },
        };
    }

    private static List<WorkloadAffinityTerm> Terms(IReadOnlyList<WorkloadAffinityRule> rules, bool required) =>
        rules.Where(r => (r.Weight == 0) == required).Select(r => new WorkloadAffinityTerm
        {
            Selector = r.MatchLabels.OrderBy(l => l.Key, StringComparer.Ordinal)
                .Select(l => new LabelExpression { Key = l.Key, Operator = LabelOperator.In, Values = [l.Value] })
                .Concat(r.MatchExpressions.Select(ToExpression)).ToList(),
            Topology = r.Topology == AffinityTopology.Zone ? TopologyScope.Zone : TopologyScope.Node,
            Weight = required ? 1 : r.Weight,
        }).ToList();

    private static List<NodeSelectorTerm> RequiredNodeTerms(IReadOnlyList<NodeAffinityTerm> terms) =>
        terms.Where(t => t.Weight == 0).Select(t => new NodeSelectorTerm { Expressions = t.MatchExpressions.Select(ToExpression).ToList() }).ToList();

    private static List<PreferredNodeAffinityTerm> PreferredNodeTerms(IReadOnlyList<NodeAffinityTerm> terms) =>
        terms.Where(t => t.Weight > 0).Select(t => new PreferredNodeAffinityTerm
        {
            Weight = t.Weight,
            Term = new NodeSelectorTerm { Expressions = t.MatchExpressions.Select(ToExpression).ToList() },
        }).ToList();

    private static LabelExpression ToExpression(LabelRequirement r) => new()
    {
        Key = r.Key,
        Values = r.Values,
        Operator = r.Operator switch
        {
            LabelRequirementOperator.In => LabelOperator.In,
            LabelRequirementOperator.NotIn => LabelOperator.NotIn,
            LabelRequirementOperator.Exists => LabelOperator.Exists,
            LabelRequirementOperator.DoesNotExist => LabelOperator.DoesNotExist,
            _ => LabelOperator.Unknown,
        },
    };
}
