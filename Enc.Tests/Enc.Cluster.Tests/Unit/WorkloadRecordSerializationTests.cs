using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Enc.Cluster.Tests.Unit;

/// <summary>
/// The workload record's new fields (<see cref="WorkloadRecord.Revision"/>, <see cref="WorkloadInstance.NodeReleased"/>)
/// through the Orleans serializer that grain storage uses: they round-trip, and a record written before they
/// existed loads with 0 / not released.
/// </summary>
public sealed class WorkloadRecordSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void RevisionAndReleaseFactRoundTrip()
    {
        var record = new WorkloadRecord
        {
            Revision = 42,
            RegistryRemovalPending = true,
            Instances =
            [
                Instance("a") with { State = InstanceState.Succeeded, NodeReleased = true },
                Instance("b") with { State = InstanceState.Running },
            ],
        };

        var loaded = Serializer.Deserialize<WorkloadRecord>(Serializer.SerializeToArray(record))!;

        Assert.Equal(42, loaded.Revision);
        Assert.True(loaded.RegistryRemovalPending);
        Assert.Equal([true, false], loaded.Instances.Select(i => i.NodeReleased));
        Assert.Equal(record.Instances, loaded.Instances, (x, y) => x with { Ports = y.Ports } == y);
    }

    [Fact]
    public void AnInstanceWrittenBeforeTheReleaseFactExistedLoadsAsNotReleased()
    {
        var old = new WorkloadInstanceBeforeNodeReleased
        {
            InstanceId = "a",
            WorkloadId = "default/job",
            SpecVersion = 3,
            Ordinal = 1,
            State = InstanceState.Succeeded,
            NodeName = "n1",
            ExitCode = 0,
            RestartCount = 2,
            TaskId = "task",
        };

        var loaded = Serializer.Deserialize<WorkloadInstance>(Serializer.SerializeToArray(old))!;

        Assert.False(loaded.NodeReleased);
        Assert.Equal(("a", 3L, 1, InstanceState.Succeeded, "n1", 0, 2, "task"),
            (loaded.InstanceId, loaded.SpecVersion, loaded.Ordinal, loaded.State, loaded.NodeName, loaded.ExitCode, loaded.RestartCount, loaded.TaskId));
    }

    private static WorkloadInstance Instance(string id) => new()
    {
        InstanceId = id,
        WorkloadId = "default/job",
        SpecVersion = 1,
        Ordinal = 0,
        State = InstanceState.Pending,
        NodeName = "n1",
    };
}
