namespace Enc.Scheduling.Tests.Support;

/// <summary>Terse builders for nodes, instances and requests used by the table tests.</summary>
public static class Build
{
    public const long Gi = 1L << 30;

    public static ResourceVector Res(long cpu, long memGi = 0, long diskGi = 0, long bandwidth = 0) =>
        new(cpu, memGi * Gi, diskGi * Gi, bandwidth);

    public static NodeInfo Node(string id, long cpu = 4000, long memGi = 8, string zone = "", NodeStatus status = NodeStatus.Ready,
        IReadOnlyDictionary<string, string>? labels = null, IReadOnlyList<Taint>? taints = null, ResourceVector? allocated = null,
        long diskGi = 100, long bandwidth = 1_000_000_000) =>
        new()
        {
            Id = id,
            Capacity = Res(cpu, memGi, diskGi, bandwidth),
            Allocated = allocated ?? default,
            Zone = zone,
            Status = status,
            Labels = labels ?? EmptyLabels.Instance,
            Taints = taints ?? [],
        };

    public static RunningInstance Instance(string id, string workload, string node, long cpu = 100, long memGi = 0, int priority = 0,
        IReadOnlyDictionary<string, string>? labels = null, IReadOnlyList<Toleration>? tolerations = null) =>
        new()
        {
            Id = id,
            WorkloadId = workload,
            NodeId = node,
            Resources = Res(cpu, memGi),
            Priority = priority,
            Labels = labels ?? EmptyLabels.Instance,
            Tolerations = tolerations ?? [],
        };

    public static SchedulingRequest Request(string workload = "w", long cpu = 100, long memGi = 0, long sequence = 1, int priority = 0) =>
        new() { WorkloadId = workload, Resources = Res(cpu, memGi), SubmissionSequence = sequence, Priority = priority };

    public static Dictionary<string, string> Labels(params string[] pairs) =>
        pairs.Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    public static LabelExpression Expr(string key, LabelOperator op, params string[] values) => new() { Key = key, Operator = op, Values = values };

    public static Taint Taint(string key, TaintEffect effect, string value = "") => new() { Key = key, Value = value, Effect = effect };

    public static ClusterSnapshot Cluster(params NodeInfo[] nodes) => new() { Nodes = nodes };

    /// <summary>Snapshot whose node allocations are derived from the instances (as a consistent cluster would report).</summary>
    public static ClusterSnapshot Cluster(IReadOnlyList<NodeInfo> nodes, IReadOnlyList<RunningInstance> instances)
    {
        var withAllocations = nodes
            .Select(n => n with { Allocated = instances.Where(i => i.NodeId == n.Id).Aggregate(n.Allocated, (sum, i) => sum + i.Resources) })
            .ToList();
        return new ClusterSnapshot { Nodes = withAllocations, Instances = instances };
    }

    /// <summary>A cycle over <paramref name="snapshot"/> for <paramref name="request"/>, with class verdicts from the default class filters.</summary>
    public static SchedulingCycle Cycle(ClusterSnapshot snapshot, SchedulingRequest request, int replica = 0)
    {
        var state = new SchedulerState(snapshot);
        return Cycle(state, request, replica);
    }

    public static SchedulingCycle Cycle(SchedulerState state, SchedulingRequest request, int replica = 0)
    {
        var classFilters = new INodeClassFilterPlugin[] { new NodeStatusPlugin(), new NodeSelectorPlugin(), new TaintTolerationPlugin(), new NodeAffinityPlugin() };
        var verdicts = state.Classes.Select(c =>
        {
            foreach (var filter in classFilters)
            {
                var status = filter.FilterClass(request, c);
                if (!status.IsSuccess)
                {
                    return new ClassVerdict(status, filter.Name);
                }
            }

            return new ClassVerdict(FilterStatus.Success, "");
        }).ToArray();
        var cycle = new SchedulingCycle(state, new SchedulerOptions());
        cycle.Begin(request, replica, verdicts);
        return cycle;
    }

    /// <summary>Raw scores then normalized scores of <paramref name="plugin"/> for every node, in node order.</summary>
    public static int[] Scores(IScorePlugin plugin, SchedulingCycle cycle)
    {
        var candidates = Enumerable.Range(0, cycle.State.NodeCount).ToArray();
        if (!plugin.PreScore(cycle, candidates))
        {
            return [];
        }

        var scores = candidates.Select(n => plugin.Score(cycle, n)).ToArray();
        plugin.Normalize(cycle, scores);
        return scores;
    }
}
