using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Scheduling;
using Enc.Scheduling;
using Enc.Scheduling.Explain;

namespace Enc.Cluster.Tests.Unit;

public sealed class SchedulingModelMapperTests
{
    internal static NodeSnapshot Node(string name, Enc.Grains.Interfaces.Nodes.NodeStatus status, string[] drivers, long freeCpu, string zone = "z1") => new()
    {
        Id = "id-" + name,
        Name = name,
        Status = status,
        Capabilities = new NodeCapabilities
        {
            Drivers = drivers,
            OperatingSystem = "linux",
            Architecture = "x64",
            Labels = new Dictionary<string, string> { ["pool"] = "general" },
            Zone = zone,
            Region = "r1",
        },
        Resources = new NodeResources
        {
            Capacity = new ResourceQuantities { CpuMillicores = 4000, MemoryBytes = 8L << 30, DiskBytes = 100L << 30, NetworkBitsPerSecond = 1_000_000_000 },
            Allocated = new ResourceQuantities { CpuMillicores = 4000 - freeCpu, MemoryBytes = 0, DiskBytes = 0, NetworkBitsPerSecond = 0 },
        },
        Address = "127.0.0.1:11111",
        ConsensusWeight = 1,
        Workloads = [],
        RegisteredAt = DateTimeOffset.UnixEpoch,
        LastHeartbeat = DateTimeOffset.UnixEpoch,
        History = [],
    };

    internal static WorkloadSpec Spec(WorkloadDriver driver, long cpu) => new()
    {
        Name = "web",
        Driver = driver,
        Image = "busybox:local",
        Resources = new WorkloadResources { CpuMillicores = cpu, MemoryBytes = 64L << 20 },
        Scheduling = new WorkloadScheduling { NodeSelector = new Dictionary<string, string> { ["pool"] = "general" } },
    };

    public static TheoryData<string, WorkloadDriver, long, string> Cases => new()
    {
        { "docker workload avoids the process-only node, down node and full node", WorkloadDriver.Docker, 500, "docker-ok" },
        { "process workload may use the process-only node (binpack prefers the fuller)", WorkloadDriver.Process, 500, "process-only" },
        { "nothing has 3 free cores", WorkloadDriver.Docker, 3000, "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MappedClusterSchedulesByDriverStatusAndResources(string name, WorkloadDriver driver, long cpu, string expected)
    {
        var nodes = new[]
        {
            Node("docker-ok", Enc.Grains.Interfaces.Nodes.NodeStatus.Ready, ["docker", "process"], freeCpu: 2000),
            Node("process-only", Enc.Grains.Interfaces.Nodes.NodeStatus.Ready, ["process"], freeCpu: 1000),
            Node("down", Enc.Grains.Interfaces.Nodes.NodeStatus.Down, ["docker", "process"], freeCpu: 4000),
            Node("full", Enc.Grains.Interfaces.Nodes.NodeStatus.Ready, ["docker"], freeCpu: 100),
        };
        var pipeline = new SchedulingPipeline(SchedulingModelMapper.ToClusterSnapshot(nodes));
        var decision = pipeline.Schedule(SchedulingModelMapper.ToRequest(Spec(driver, cpu), submissionSequence: 1), 0);
        Assert.True(expected == decision.NodeId, $"{name}: {decision.Message}");
        Assert.Equal(expected.Length == 0 ? SchedulingOutcome.Pending : SchedulingOutcome.Placed, decision.Outcome);
        Assert.Equal("default/web", decision.WorkloadId);
    }
}
