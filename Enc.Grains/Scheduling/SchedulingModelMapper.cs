using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Workloads;
using Enc.Scheduling.Model;
using SchedulingNodeStatus = Enc.Scheduling.Model.NodeStatus;
using SchedulingTaintEffect = Enc.Scheduling.Model.TaintEffect;
using SchedulingTolerationOperator = Enc.Scheduling.Model.TolerationOperator;

namespace Enc.Grains.Scheduling;

/// <summary>
/// Maps the grain-side views (node snapshots, workload specs) into the scheduler's own model, so the
/// grains stay thin and <c>Enc.Scheduling</c> stays free of Orleans.
/// </summary>
/// <remarks>
/// Node capabilities the scheduler has no dedicated field for become reserved labels on the node
/// (<see cref="DriverLabelPrefix"/>, <see cref="OperatingSystemLabel"/>, <see cref="ArchitectureLabel"/>),
/// and a workload's driver becomes a node-selector entry on the driver label: the NodeSelector plugin
/// then enforces "node offers the driver" with node-class caching like any other label.
/// </remarks>
public static partial class SchedulingModelMapper
{
    /// <summary>Prefix of the label marking a driver a node offers (<c>enc.driver/docker=true</c>).</summary>
    public const string DriverLabelPrefix = "enc.driver/";

    /// <summary>Label holding the node's operating system.</summary>
    public const string OperatingSystemLabel = "enc.os";

    /// <summary>Label holding the node's CPU architecture.</summary>
    public const string ArchitectureLabel = "enc.arch";

    /// <summary>The scheduler's view of the cluster's nodes, keyed by node name.</summary>
    /// <remarks>
    /// Node snapshots carry totals, not per-instance allocations, so the snapshot has no running
    /// instances: resource fit is exact, while workload affinity, zone spread and preemption only see
    /// placements made within the same scheduling run.
    /// </remarks>
    public static ClusterSnapshot ToClusterSnapshot(IReadOnlyList<NodeSnapshot> nodes, long roundRobinCursor = 0)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return new ClusterSnapshot { Nodes = nodes.Select(ToNodeInfo).ToList(), RoundRobinCursor = roundRobinCursor };
    }

    /// <summary>One node in the scheduler's model; the node's name is its scheduler id.</summary>
    public static NodeInfo ToNodeInfo(NodeSnapshot node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var labels = new Dictionary<string, string>(node.Capabilities.Labels, StringComparer.Ordinal)
        {
            [OperatingSystemLabel] = node.Capabilities.OperatingSystem,
            [ArchitectureLabel] = node.Capabilities.Architecture,
        };
        foreach (var driver in node.Capabilities.Drivers)
        {
            labels[DriverLabelPrefix + driver] = "true";
        }

        return new NodeInfo
        {
            Id = node.Name,
            Capacity = ToVector(node.Resources.Capacity),
            Allocated = ToVector(node.Resources.Allocated),
            Labels = labels,
            Zone = node.Capabilities.Zone,
            Region = node.Capabilities.Region,
            Taints = node.Taints.Select(ToTaint).ToList(),
            Status = node.Status switch
            {
                Interfaces.Nodes.NodeStatus.Ready => SchedulingNodeStatus.Ready,
                Interfaces.Nodes.NodeStatus.Leaving => SchedulingNodeStatus.Cordoned,
                _ => SchedulingNodeStatus.Down,
            },
        };
    }

    /// <summary>A scheduling request for <paramref name="replicas"/> replicas of <paramref name="spec"/>, starting at <paramref name="firstReplica"/>.</summary>
    public static SchedulingRequest ToRequest(WorkloadSpec spec, long submissionSequence, int replicas = 1, int firstReplica = 0)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var selector = new Dictionary<string, string>(spec.Scheduling.NodeSelector, StringComparer.Ordinal)
        {
            [DriverLabelPrefix + DriverName(spec.Driver)] = "true",
        };
        return new SchedulingRequest
        {
            WorkloadId = spec.Id,
            Namespace = spec.Namespace,
            Resources = new ResourceVector(spec.Resources.CpuMillicores, spec.Resources.MemoryBytes, spec.Resources.DiskBytes, spec.Resources.NetworkBitsPerSecond),
            Replicas = replicas,
            FirstReplicaIndex = firstReplica,
            Priority = spec.Scheduling.Priority,
            SubmissionSequence = submissionSequence,
            Labels = spec.Labels,
            NodeSelector = selector,
            Tolerations = spec.Scheduling.Tolerations.Select(ToToleration).ToList(),
            Algorithm = spec.Scheduling.Algorithm,
            RequiredNodeAffinity = RequiredNodeTerms(spec.Scheduling.NodeAffinity),
            PreferredNodeAffinity = PreferredNodeTerms(spec.Scheduling.NodeAffinity),
            RequiredWorkloadAffinity = Terms(spec.Scheduling.Affinity, required: true),
            PreferredWorkloadAffinity = Terms(spec.Scheduling.Affinity, required: false),
            RequiredWorkloadAntiAffinity = Terms(spec.Scheduling.AntiAffinity, required: true),
            PreferredWorkloadAntiAffinity = Terms(spec.Scheduling.AntiAffinity, required: false),
            ZoneSpread = spec.Scheduling.ZoneSpreadMaxSkew > 0 ? new ZoneSpreadConstraint { MaxSkew = spec.Scheduling.ZoneSpreadMaxSkew } : null,
            CommunicatesWith = spec.Scheduling.CommunicatesWith.Select(w => w.Contains('/', StringComparison.Ordinal) ? w : spec.Namespace + "/" + w).ToList(),
        };
    }

    /// <summary>The driver name nodes advertise for <paramref name="driver"/>.</summary>
    public static string DriverName(WorkloadDriver driver) => driver == WorkloadDriver.Docker ? "docker" : "process";

    private static ResourceVector ToVector(ResourceQuantities q) => new(q.CpuMillicores, q.MemoryBytes, q.DiskBytes, q.NetworkBitsPerSecond);

    /// <summary>A workload toleration in the scheduler's model.</summary>
    public static Toleration ToToleration(WorkloadToleration t) => new()
    {
        TolerationSeconds = t.TolerationSeconds,
        Key = t.Key,
        Value = t.Value,
        Operator = t.Operator == Interfaces.Workloads.TolerationOperator.Exists ? SchedulingTolerationOperator.Exists : SchedulingTolerationOperator.Equal,
        Effect = t.Effect switch
        {
            Interfaces.Workloads.TaintEffect.NoSchedule => SchedulingTaintEffect.NoSchedule,
            Interfaces.Workloads.TaintEffect.PreferNoSchedule => SchedulingTaintEffect.PreferNoSchedule,
            Interfaces.Workloads.TaintEffect.NoExecute => SchedulingTaintEffect.NoExecute,
            _ => null,
        },
    };
}
