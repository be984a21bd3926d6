using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Workloads.Placement;

/// <summary>
/// The first placement: a node is feasible when it is Ready, offers the spec's driver, matches its node
/// selector and has enough free CPU, memory, disk and bandwidth; feasible nodes are ordered best fit first
/// (least free CPU and memory left after placing, as fractions of capacity), ties by node name.
/// </summary>
public sealed class ResourceFitPlacementPolicy : IWorkloadPlacementPolicy
{
    /// <summary>The policy name.</summary>
    public const string PolicyName = "ResourceFit";

    /// <summary>Rejection: node not Ready.</summary>
    public const string RejectNotReady = "not Ready";

    /// <summary>Rejection: driver missing.</summary>
    public const string RejectDriver = "driver not available";

    /// <summary>Rejection: node selector.</summary>
    public const string RejectSelector = "node selector does not match";

    /// <summary>Rejection prefix: not enough of a resource.</summary>
    public const string RejectInsufficient = "insufficient ";

    /// <inheritdoc />
    public string Name => PolicyName;

    /// <inheritdoc />
    public PlacementRanking Rank(WorkloadSpec spec, WorkloadInstance instance, ClusterView cluster)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(cluster);
        var nodes = cluster.Nodes;
        var request = Request(spec.Resources);
        var driver = spec.Driver == WorkloadDriver.Docker ? "docker" : "process";
        var rejections = new Dictionary<string, string>(StringComparer.Ordinal);
        var feasible = new List<(string Name, double Score)>();
        foreach (var node in nodes)
        {
            var reason = Reject(node, spec, driver, request);
            if (reason is not null)
            {
                rejections[node.Name] = reason;
                continue;
            }

            var free = node.Resources.Free.Subtract(request);
            var capacity = node.Resources.Capacity;
            feasible.Add((node.Name, Fraction(free.CpuMillicores, capacity.CpuMillicores) + Fraction(free.MemoryBytes, capacity.MemoryBytes)));
        }

        var ordered = feasible.OrderBy(f => f.Score).ThenBy(f => f.Name, StringComparer.Ordinal).Select(f => f.Name).ToList();
        return new PlacementRanking(ordered, rejections);
    }

    /// <summary>The resources one instance reserves.</summary>
    public static ResourceQuantities Request(WorkloadResources r) => new()
    {
        CpuMillicores = r.CpuMillicores,
        MemoryBytes = r.MemoryBytes,
        DiskBytes = r.DiskBytes,
        NetworkBitsPerSecond = r.NetworkBitsPerSecond,
    };

    private static string? Reject(NodeSnapshot node, WorkloadSpec spec, string driver, ResourceQuantities request)
    {
        if (node.Status != NodeStatus.Ready)
        {
            return RejectNotReady;
        }

        if (!node.Capabilities.Drivers.Contains(driver, StringComparer.Ordinal))
        {
            return RejectDriver + $" ({driver})";
        }

        if (spec.Scheduling.NodeSelector.Any(s => !node.Capabilities.Labels.TryGetValue(s.Key, out var v) || v != s.Value))
        {
            return RejectSelector;
        }

        var free = node.Resources.Free;
        return request.CpuMillicores > free.CpuMillicores ? RejectInsufficient + "cpu"
            : request.MemoryBytes > free.MemoryBytes ? RejectInsufficient + "memory"
            : request.DiskBytes > free.DiskBytes ? RejectInsufficient + "disk"
            : request.NetworkBitsPerSecond > free.NetworkBitsPerSecond ? RejectInsufficient + "network bandwidth"
            : null;
    }

    private static double Fraction(long part, long whole) => whole <= 0 ? 0 : (double)part / whole;
}
