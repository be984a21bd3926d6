using Enc.Scheduling.Model;

namespace Enc.Benchmarks.Scheduling;

/// <summary>
/// Deterministic mix of workloads: plain services and batch jobs, selectors, node affinity, GPU
/// tolerations, anti-affinity, zone spread, preferred affinity, talkers (latency-scored), and a
/// high-priority slice.
/// </summary>
public static class SimulatedWorkloads
{
    private const long Mi = 1L << 20;

    public static List<SchedulingRequest> Create(int count, int seed, string algorithm, string strategy)
    {
        var random = new Random(seed);
        var requests = new List<SchedulingRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var id = $"wl-{i:D6}";
            var cpu = 50L * (1 + random.Next(10));
            var request = new SchedulingRequest
            {
                WorkloadId = id,
                Namespace = $"team-{i % 20}",
                Resources = new ResourceVector(cpu, (64L << random.Next(5)) * Mi, (256L << random.Next(4)) * Mi, 1_000_000L * (1 + random.Next(50))),
                Priority = random.Next(10) == 0 ? 100 : 0,
                SubmissionSequence = i,
                Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = id, ["tier"] = $"tier-{i % 7}" },
                Algorithm = algorithm,
                ResourceStrategy = strategy,
            };
            requests.Add(WithConstraints(request, random.Next(20), i));
        }

        return requests;
    }

    private static SchedulingRequest WithConstraints(SchedulingRequest request, int kind, int index) => kind switch
    {
        0 or 1 => request with { NodeSelector = new Dictionary<string, string> { ["disk"] = "ssd" } },
        2 => request with
        {
            RequiredNodeAffinity = [new() { Expressions = [new() { Key = "arch", Operator = LabelOperator.NotIn, Values = ["arm64"] }, new() { Key = "shape", Operator = LabelOperator.In, Values = ["medium", "large"] }] }],
        },
        3 => request with
        {
            Tolerations = [new() { Key = "gpu", Operator = TolerationOperator.Exists, Effect = TaintEffect.NoSchedule }],
            RequiredNodeAffinity = [new() { Expressions = [new() { Key = "shape", Operator = LabelOperator.In, Values = ["gpu"] }] }],
        },
        4 => request with
        {
            Replicas = 3,
            RequiredWorkloadAntiAffinity = [new() { Selector = [new() { Key = "app", Operator = LabelOperator.In, Values = [request.WorkloadId] }], Topology = TopologyScope.Node }],
        },
        5 => request with { Replicas = 3, ZoneSpread = new() { MaxSkew = 1 } },
        6 => request with
        {
            PreferredNodeAffinity = [new() { Weight = 40, Term = new() { Expressions = [new() { Key = "shape", Operator = LabelOperator.In, Values = ["large"] }] } }],
        },
        7 => request with
        {
            PreferredWorkloadAffinity = [new() { Selector = [new() { Key = "tier", Operator = LabelOperator.In, Values = [$"tier-{index % 7}"] }], Topology = TopologyScope.Zone, Weight = 30 }],
        },
        8 when index > 0 => request with { CommunicatesWith = [$"wl-{index - 1:D6}"] },
        9 => request with { Tolerations = [new() { Key = "spot", Operator = TolerationOperator.Exists }] },
        _ => request,
    };
}
