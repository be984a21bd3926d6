using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Nodes;

namespace Enc.Cluster.Tests.Unit;

public sealed class NodeMarkingsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static NodeRecord Registered() => new()
    {
        Id = "n1",
        Status = NodeStatus.Ready,
        Capabilities = new NodeCapabilities
        {
            Drivers = ["process"],
            OperatingSystem = "linux",
            Architecture = "x64",
            Labels = new Dictionary<string, string> { ["zone-hint"] = "a" },
            Zone = "",
            Region = "",
        },
    };

    [Fact]
    public void AddsReplacesAndRemovesTaintsKeepingTheTimeTheyWereAdded()
    {
        var record = Registered();
        var first = NodeMarkings.Apply(record, NodeMarkingSyntax.ParseTaints(["a=1:NoSchedule", "b:NoExecute"]), T0);
        Assert.Equal(new NodeMarkingResult(false, true, true, true), first);

        var again = NodeMarkings.Apply(record, NodeMarkingSyntax.ParseTaints(["b:NoExecute"]), T0.AddMinutes(1));
        Assert.False(again.Changed);
        Assert.False(again.NoExecuteAdded);
        Assert.Equal(T0, record.Taints.Single(t => t.Key == "b").AddedAt);

        NodeMarkings.Apply(record, NodeMarkingSyntax.ParseTaints(["a=2:NoSchedule"]), T0.AddMinutes(2));
        Assert.Equal(["a=2:NoSchedule", "b:NoExecute"], record.Taints.Select(t => t.ToString()));

        var removed = NodeMarkings.Apply(record, NodeMarkingSyntax.ParseTaints(["b-", "a:NoExecute-"]), T0.AddMinutes(3));
        Assert.Equal(new NodeMarkingResult(false, true, false, false), removed);
        Assert.Equal(["a=2:NoSchedule"], record.Taints.Select(t => t.ToString()));
    }

    [Fact]
    public void OperatorLabelsOverlayTheReportedOnesAndConfiguredLabelsCannotBeRemoved()
    {
        var record = Registered();
        Assert.True(NodeMarkings.Apply(record, NodeMarkingSyntax.ParseLabels(["disk=ssd", "zone-hint=b"]), T0).LabelsChanged);
        Assert.Equal(new Dictionary<string, string> { ["zone-hint"] = "b", ["disk"] = "ssd" }, NodeMarkings.EffectiveCapabilities(record).Labels);

        NodeMarkings.Apply(record, NodeMarkingSyntax.ParseLabels(["zone-hint-"]), T0);
        Assert.Equal("a", NodeMarkings.EffectiveCapabilities(record).Labels["zone-hint"]);

        var error = Assert.Throws<ArgumentException>(() => NodeMarkings.Apply(record, NodeMarkingSyntax.ParseLabels(["disk-", "zone-hint-"]), T0));
        Assert.Contains("node's configuration", error.Message, StringComparison.Ordinal);
        Assert.Equal("ssd", record.Labels["disk"]); // nothing half-applied
    }

    [Fact]
    public void RefusesMoreTaintsThanTheLimitWithoutChangingAnything()
    {
        var record = Registered();
        var many = Enumerable.Range(0, NodeMarkings.MaxTaints + 1).Select(i => $"k{i}:NoSchedule");
        Assert.Throws<ArgumentException>(() => NodeMarkings.Apply(record, NodeMarkingSyntax.ParseTaints(many), T0));
        Assert.Empty(record.Taints);
    }

    [Fact]
    public void PreemptingAssignmentReleasesVictimsAtomicallyOrChangesNothing()
    {
        var record = Registered();
        record.Capacity = new ResourceQuantities { CpuMillicores = 2000, MemoryBytes = 1 << 30, DiskBytes = 0, NetworkBitsPerSecond = 0 };
        var node = new NodeLifecycle("n1", record);
        ResourceQuantities Cpu(long m) => new() { CpuMillicores = m, MemoryBytes = 0, DiskBytes = 0, NetworkBitsPerSecond = 0 };
        Assert.True(node.TryAssignWorkload("low-1", Cpu(1200)));
        Assert.True(node.TryAssignWorkload("low-2", Cpu(600)));

        Assert.False(node.TryAssignWorkload("high", Cpu(1000), ["low-2"])); // 1200 + 1000 > 2000
        Assert.Equal(["low-1", "low-2"], record.Allocations.Select(a => a.Key));
        Assert.False(node.TryAssignWorkload("high", Cpu(1000), ["gone"]));

        Assert.True(node.TryAssignWorkload("high", Cpu(1000), ["low-1"]));
        Assert.Equal(["low-2", "high"], record.Allocations.Select(a => a.Key));

        record.Status = NodeStatus.NotReady;
        Assert.False(node.TryAssignWorkload("other", Cpu(1), ["low-2"]));
    }
}
