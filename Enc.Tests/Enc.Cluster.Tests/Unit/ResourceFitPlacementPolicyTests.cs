using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads;
using Enc.Grains.Workloads.Placement;
using Enc.Cluster.Tests.Scheduling;

namespace Enc.Cluster.Tests.Unit;

public sealed class ResourceFitPlacementPolicyTests
{
    private static readonly WorkloadSpec Spec = new()
    {
        Name = "web",
        Driver = WorkloadDriver.Docker,
        Image = "busybox:local",
        Resources = new WorkloadResources { CpuMillicores = 500, MemoryBytes = 1L << 30 },
    };

    public static TheoryData<string, NodeSnapshot, string> Rejected => new()
    {
        { "down", Node("a", status: NodeStatus.Down), ResourceFitPlacementPolicy.RejectNotReady },
        { "no docker", Node("a", drivers: ["process"]), ResourceFitPlacementPolicy.RejectDriver + " (docker)" },
        { "cpu", Node("a", freeCpu: 400), ResourceFitPlacementPolicy.RejectInsufficient + "cpu" },
        { "memory", Node("a", freeMemory: 1L << 29), ResourceFitPlacementPolicy.RejectInsufficient + "memory" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void RejectsInfeasibleNodesWithReason(string description, NodeSnapshot node, string reason)
    {
        var ranking = new ResourceFitPlacementPolicy().Rank(Spec, SchedulingTestData.Pending(), ClusterView.OfNodes([node]));
        Assert.Empty(ranking.Candidates);
        Assert.True(reason == ranking.Rejections["a"], description);
    }

    [Fact]
    public void PrefersTheTightestFitThenName()
    {
        var nodes = new[] { Node("roomy", freeCpu: 8000), Node("tight", freeCpu: 1000), Node("also-tight", freeCpu: 1000) };
        Assert.Equal(["also-tight", "tight", "roomy"], new ResourceFitPlacementPolicy().Rank(Spec, SchedulingTestData.Pending(), ClusterView.OfNodes(nodes)).Candidates);
    }

    [Fact]
    public void NodeSelectorMustMatch()
    {
        var spec = Spec with { Scheduling = new WorkloadScheduling { NodeSelector = new Dictionary<string, string> { ["zone"] = "a" } } };
        var ranking = new ResourceFitPlacementPolicy().Rank(spec, SchedulingTestData.Pending(), ClusterView.OfNodes([Node("x", labels: new() { ["zone"] = "b" }), Node("y", labels: new() { ["zone"] = "a" })]));
        Assert.Equal(["y"], ranking.Candidates);
        Assert.Equal(ResourceFitPlacementPolicy.RejectSelector, ranking.Rejections["x"]);
    }

    [Fact]
    public void PortAllocatorSkipsUsedPortsAndRefusesTakenStaticOnes()
    {
        var spec = Spec with
        {
            Network = WorkloadNetworkMode.Host,
            Ports = [new WorkloadPort { Name = "a", Port = 0 }, new WorkloadPort { Name = "b", Port = 0 }, new WorkloadPort { Name = "s", Port = 8080 }],
        };
        var other = new AssignedInstance { InstanceId = "o", Spec = Spec, SpecVersion = 1, Ports = new Dictionary<string, int> { ["x"] = 100 } };
        var ports = HostPortAllocator.Allocate(spec, [other], 100, 200)!;
        Assert.Equal(101, ports["a"]);
        Assert.Equal(102, ports["b"]);
        Assert.Equal(8080, ports["s"]);
        Assert.Null(HostPortAllocator.Allocate(spec, [other with { Ports = new Dictionary<string, int> { ["x"] = 8080 } }], 100, 200));
        Assert.Null(HostPortAllocator.Allocate(spec, [other], 100, 101));
    }

    private static NodeSnapshot Node(
        string name, NodeStatus status = NodeStatus.Ready, string[]? drivers = null, long freeCpu = 4000, long freeMemory = 8L << 30, Dictionary<string, string>? labels = null) => new()
    {
        Id = name,
        Name = name,
        Status = status,
        Capabilities = new NodeCapabilities
        {
            Drivers = drivers ?? ["process", "docker"],
            OperatingSystem = "linux",
            Architecture = "x64",
            Labels = labels ?? [],
            Zone = "",
            Region = "",
        },
        Resources = new NodeResources
        {
            Capacity = new ResourceQuantities { CpuMillicores = 8000, MemoryBytes = 16L << 30, DiskBytes = 1L << 40, NetworkBitsPerSecond = 1_000_000_000 },
            Allocated = new ResourceQuantities { CpuMillicores = 8000 - freeCpu, MemoryBytes = (16L << 30) - freeMemory, DiskBytes = 0, NetworkBitsPerSecond = 0 },
        },
        Address = "127.0.0.1:1",
        ConsensusWeight = 1,
        Workloads = [],
        RegisteredAt = DateTimeOffset.UnixEpoch,
        LastHeartbeat = DateTimeOffset.UnixEpoch,
        History = [],
    };
}
