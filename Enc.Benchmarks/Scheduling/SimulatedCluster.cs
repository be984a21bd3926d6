using Enc.Scheduling.Model;

namespace Enc.Benchmarks.Scheduling;

/// <summary>Deterministic generator of a varied simulated cluster: node shapes, zones, labels, taints, a few non-Ready nodes.</summary>
public static class SimulatedCluster
{
    public const int ZoneCount = 6;

    private const long Gi = 1L << 30;

    private static readonly (string Shape, long Cpu, long MemGi, long DiskGi, long BandwidthGbps, int Weight)[] Shapes =
    [
        ("small", 4_000, 16, 200, 1, 30),
        ("medium", 16_000, 64, 500, 10, 40),
        ("large", 64_000, 256, 2_000, 25, 15),
        ("gpu", 32_000, 128, 1_000, 25, 5),
        ("spot", 8_000, 32, 200, 10, 10),
    ];

    public static ClusterSnapshot Create(int nodeCount, int seed)
    {
        var random = new Random(seed);
        var nodes = new List<NodeInfo>(nodeCount);
        var totalWeight = Shapes.Sum(s => s.Weight);
        for (var i = 0; i < nodeCount; i++)
        {
            var pick = random.Next(totalWeight);
            var shape = Shapes[0];
            foreach (var s in Shapes)
            {
                if (pick < s.Weight)
                {
                    shape = s;
                    break;
                }

                pick -= s.Weight;
            }

            var zone = random.Next(ZoneCount);
            var labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["shape"] = shape.Shape,
                ["disk"] = random.Next(3) == 0 ? "hdd" : "ssd",
                ["arch"] = random.Next(10) == 0 ? "arm64" : "amd64",
            };
            List<Taint> taints = shape.Shape switch
            {
                "gpu" => [new Taint { Key = "gpu", Value = "true", Effect = TaintEffect.NoSchedule }],
                "spot" => [new Taint { Key = "spot", Value = "true", Effect = TaintEffect.PreferNoSchedule }],
                _ => [],
            };
            var status = random.Next(200) switch { 0 => NodeStatus.Down, 1 => NodeStatus.Cordoned, _ => NodeStatus.Ready };
            nodes.Add(new NodeInfo
            {
                Id = $"node-{i:D5}",
                Capacity = new ResourceVector(shape.Cpu, shape.MemGi * Gi, shape.DiskGi * Gi, shape.BandwidthGbps * 1_000_000_000),
                Zone = $"zone-{zone}",
                Region = zone < 3 ? "region-a" : "region-b",
                Labels = labels,
                Taints = taints,
                Status = status,
            });
        }

        return new ClusterSnapshot { Nodes = nodes, Latency = ZoneLatencies() };
    }

    /// <summary>Zone-pair medians as agents would report them: 0.2 ms inside a zone, 1 ms inside a region, 30 ms across.</summary>
    private static LatencyMatrix ZoneLatencies()
    {
        var samples = new List<LatencySample>();
        for (var a = 0; a < ZoneCount; a++)
        {
            for (var b = a; b < ZoneCount; b++)
            {
                var rtt = a == b ? 200 : (a < 3) == (b < 3) ? 1_000 : 30_000;
                samples.Add(new LatencySample($"zone-{a}", $"zone-{b}", rtt));
            }
        }

        return new LatencyMatrix { ZonePairs = samples };
    }
}
