using CsCheck;

namespace Enc.Scheduling.Tests.Properties;

/// <summary>A random cluster and a random batch of requests with mixed shapes and constraints.</summary>
public sealed record Scenario(IReadOnlyList<NodeInfo> Nodes, IReadOnlyList<SchedulingRequest> Requests)
{
    public static readonly string[] Zones = ["z0", "z1", "z2"];

    private static readonly Gen<NodeInfo> GenNode =
        Gen.Select(Gen.Int[500, 4000], Gen.Int[1, 8], Gen.Int[0, 3], Gen.Int[0, 1], Gen.Int[0, 5], Gen.Int[0, 11], Gen.Int[0, 3])
            .Select(t =>
            {
                var (cpu, memGi, zone, disk, taint, status, bandwidth) = t;
                var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["disk"] = disk == 0 ? "ssd" : "hdd" };
                IReadOnlyList<Taint> taints = taint switch
                {
                    3 => [Build.Taint("gpu", TaintEffect.NoSchedule, "true")],
                    4 => [Build.Taint("spot", TaintEffect.PreferNoSchedule)],
                    5 => [Build.Taint("maint", TaintEffect.NoExecute)],
                    _ => [],
                };
                if (taint == 3)
                {
                    labels["gpu"] = "true";
                }

                return new NodeInfo
                {
                    Id = "",
                    Capacity = Build.Res(cpu, memGi, 50, bandwidth * 1000),
                    Zone = zone < 3 ? Zones[zone] : "",
                    Labels = labels,
                    Taints = taints,
                    Status = status switch { 10 => NodeStatus.Down, 11 => NodeStatus.Cordoned, _ => NodeStatus.Ready },
                };
            });

    private static readonly Gen<SchedulingRequest> GenRequest =
        Gen.Select(Gen.Int[50, 1500], Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 9], Gen.Int[1, 3], Gen.Int[0, 2], Gen.Int[0, 400])
            .Select(t =>
            {
                var (cpu, memGi, priority, kind, replicas, algorithm, bandwidth) = t;
                var request = new SchedulingRequest
                {
                    WorkloadId = "",
                    Resources = Build.Res(cpu, memGi, 1, bandwidth),
                    Priority = priority,
                    Replicas = replicas,
                    SubmissionSequence = 0,
                    Algorithm = algorithm == 2 ? SchedulingAlgorithmNames.RoundRobin : SchedulingAlgorithmNames.ResourceBased,
                    ResourceStrategy = algorithm == 1 ? ResourceStrategyNames.Spread : ResourceStrategyNames.Binpack,
                };
                return request with { CommunicatesWith = kind == 9 ? ["w0"] : [], ZoneSpread = kind == 5 ? new() { MaxSkew = 1 } : null };
            });

    public static Gen<Scenario> Generator { get; } =
        Gen.Select(GenNode.List[1, 24], GenRequest.List[1, 40], Gen.Int[0, 9].List[40])
            .Select(t => Create(t.Item1, t.Item2, t.Item3));

    private static Scenario Create(List<NodeInfo> nodes, List<SchedulingRequest> requests, List<int> kinds)
    {
        var namedNodes = nodes.Select((n, i) => n with { Id = $"node-{i:D2}" }).ToList();
        var named = requests.Select((r, i) => WithConstraints(r with { WorkloadId = $"w{i}", SubmissionSequence = i }, kinds[i], i)).ToList();
        return new Scenario(namedNodes, named);
    }

    private static SchedulingRequest WithConstraints(SchedulingRequest request, int kind, int index)
    {
        var app = request.WorkloadId;
        request = request with { Labels = Build.Labels($"app={app}", $"tier=t{index % 3}") };
        return kind switch
        {
            1 => request with { NodeSelector = Build.Labels("disk=ssd") },
            2 => request with { RequiredNodeAffinity = [new() { Expressions = [Build.Expr("zone-label", LabelOperator.DoesNotExist), Build.Expr("disk", LabelOperator.NotIn, "hdd")] }] },
            3 => request with
            {
                Tolerations = [new() { Key = "gpu", Operator = TolerationOperator.Exists }],
                PreferredNodeAffinity = [new() { Weight = 20, Term = new() { Expressions = [Build.Expr("gpu", LabelOperator.Exists)] } }],
            },
            4 => request with { RequiredWorkloadAntiAffinity = [new() { Selector = [Build.Expr("app", LabelOperator.In, app)], Topology = TopologyScope.Node }] },
            6 => request with { RequiredWorkloadAffinity = [new() { Selector = [Build.Expr("tier", LabelOperator.In, "t0")], Topology = TopologyScope.Zone }] },
            7 => request with { RequiredWorkloadAntiAffinity = [new() { Selector = [Build.Expr("tier", LabelOperator.In, "t1")], Topology = TopologyScope.Zone }] },
            8 => request with { PreferredWorkloadAntiAffinity = [new() { Selector = [Build.Expr("app", LabelOperator.In, app)], Topology = TopologyScope.Zone, Weight = 50 }] },
            _ => request,
        };
    }

    /// <summary>Low-priority batch instances already running on every other Ready node (preemption victims).</summary>
    public IReadOnlyList<RunningInstance> Existing => Nodes
        .Where((n, i) => i % 2 == 0)
        .Select(n => Build.Instance($"batch-{n.Id}", "batch", n.Id, cpu: n.Capacity.CpuMillicores / 2, priority: -1, labels: Build.Labels("app=batch")))
        .ToList();

    public ClusterSnapshot Snapshot(bool reversed = false)
    {
        var snapshot = Build.Cluster(Nodes, Existing);
        return snapshot with
        {
            Nodes = reversed ? snapshot.Nodes.Reverse().ToList() : snapshot.Nodes,
            Instances = reversed ? snapshot.Instances.Reverse().ToList() : snapshot.Instances,
            Latency = new LatencyMatrix { ZonePairs = [new("z0", "z1", 300), new("z0", "z2", 900), new("z1", "z2", 500), new("z0", "z0", 50)] },
        };
    }

    public override string ToString() => $"{Nodes.Count} nodes, {Requests.Count} requests";
}
