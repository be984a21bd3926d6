using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads.Placement;

namespace Enc.Cluster.Tests.Scheduling;

/// <summary>Builders shared by the scheduler wiring tests.</summary>
internal static class SchedulingTestData
{
    /// <summary>A Pending instance of replica <paramref name="ordinal"/>.</summary>
    public static WorkloadInstance Pending(string workloadId = "default/web", int ordinal = 0) => new()
    {
        InstanceId = $"{workloadId.Replace('/', '-')}-{ordinal}",
        WorkloadId = workloadId,
        SpecVersion = 1,
        Ordinal = ordinal,
        State = InstanceState.Pending,
    };

    /// <summary>A view with <paramref name="nodes"/> only.</summary>
    public static ClusterView View(params NodeSnapshot[] nodes) => ClusterView.OfNodes(nodes);

    /// <summary>A Ready node with docker and process drivers.</summary>
    public static NodeSnapshot Node(string name, long cpu = 4000, long allocatedCpu = 0, IReadOnlyList<string>? workloads = null, IReadOnlyList<NodeTaint>? taints = null, string zone = "", IReadOnlyDictionary<string, string>? labels = null, long allocatedMemory = 0) => new()
    {
        Id = name + "-id",
        Name = name,
        Status = NodeStatus.Ready,
        Capabilities = new NodeCapabilities
        {
            Drivers = ["docker", "process"],
            OperatingSystem = "linux",
            Architecture = "x64",
            Labels = labels ?? new Dictionary<string, string>(),
            Zone = zone,
            Region = "",
        },
        Resources = new NodeResources
        {
            Capacity = new ResourceQuantities { CpuMillicores = cpu, MemoryBytes = 8L << 30, DiskBytes = 100L << 30, NetworkBitsPerSecond = 1_000_000_000 },
            Allocated = new ResourceQuantities { CpuMillicores = allocatedCpu, MemoryBytes = allocatedMemory, DiskBytes = 0, NetworkBitsPerSecond = 0 },
        },
        Address = "127.0.0.1:1",
        ConsensusWeight = 1,
        Workloads = workloads ?? [],
        RegisteredAt = DateTimeOffset.UnixEpoch,
        LastHeartbeat = DateTimeOffset.UnixEpoch,
        History = [],
        Taints = taints ?? [],
    };

    /// <summary>A process workload needing <paramref name="cpu"/> millicores.</summary>
    public static WorkloadSpec Spec(string name, long cpu, WorkloadScheduling? scheduling = null, IReadOnlyDictionary<string, string>? labels = null) => new()
    {
        Name = name,
        Driver = WorkloadDriver.Process,
        Command = ["/bin/sleep", "3600"],
        Resources = new WorkloadResources { CpuMillicores = cpu, MemoryBytes = 64L << 20 },
        Scheduling = scheduling ?? WorkloadScheduling.Default,
        Labels = labels ?? new Dictionary<string, string>(),
    };
}
