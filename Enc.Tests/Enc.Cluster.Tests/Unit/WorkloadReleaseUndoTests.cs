using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Receipts;
using Enc.Grains.Workloads;
using Enc.Ledger.Receipts;

namespace Enc.Cluster.Tests.Unit;

/// <summary>
/// What the workload grain uses to keep memory from claiming what storage does not hold after a failed write:
/// taking back a recorded release, keeping the turn's releases out of compaction until they are written, and a
/// copy of the record that later changes do not reach.
/// </summary>
public sealed class WorkloadReleaseUndoTests
{
    private readonly WorkloadRecord _record = new();
    private int _ids;

    private WorkloadPlanner Planner => new(_record, () => DateTimeOffset.UnixEpoch, () => (++_ids).ToString(CultureInfo.InvariantCulture));

    [Fact]
    public void AForgottenReleaseIsPendingAgainAndMovesTheRevision()
    {
        var (planner, ids) = EvictedInstances(1);
        Assert.False(planner.ForgetRelease(ids[0])); // not recorded yet
        Assert.True(planner.MarkReleased(ids[0]));
        Assert.Empty(planner.PendingReleases());

        var revision = planner.Revision;
        Assert.True(planner.ForgetRelease(ids[0]));
        Assert.True(planner.Revision > revision);
        Assert.Equal(ids[0], Assert.Single(planner.PendingReleases()).InstanceId);

        revision = planner.Revision;
        Assert.False(planner.ForgetRelease(ids[0]));
        Assert.False(planner.ForgetRelease("unknown"));
        Assert.Equal(revision, planner.Revision);
    }

    [Fact]
    public void CompactionKeepsTheReleasesOfTheTurnUntilTheyAreWritten()
    {
        // Seven ended instances in one slot, all released; the two oldest were released in this turn.
        var (planner, ids) = EvictedInstances(7);
        ids.ForEach(id => planner.MarkReleased(id));

        planner.Compact(keepPerSlot: 5, keep: [ids[0], ids[1]]);
        Assert.Equal(ids, _record.Instances.Select(i => i.InstanceId));

        // Written: the next settle compacts them like the others.
        planner.Compact(keepPerSlot: 5);
        Assert.Equal(ids[2..], _record.Instances.Select(i => i.InstanceId));
    }

    [Fact]
    public void ACopyIsNotReachedByLaterChanges()
    {
        var (planner, ids) = EvictedInstances(2);
        _record.Receipts.ChainHeads["workload/default/job"] = [1, 2, 3];
        _record.Receipts.Add(new PendingReceipt
        {
            Id = Guid.CreateVersion7(DateTimeOffset.UnixEpoch),
            Kind = ReceiptKind.WorkloadStopped,
            Subject = "workload/default/job",
            Actor = "node/n1",
            WallMilliseconds = 0,
            Counter = 0,
            PayloadHash = new byte[32],
        });
        var copy = _record.Copy();
        var before = JsonSerializer.Serialize(_record);
        Assert.Equal(before, JsonSerializer.Serialize(copy));

        Assert.True(planner.Delete("deleted"));
        planner.MarkReleased(ids[0]);
        planner.Compact(keepPerSlot: 0);
        _record.Receipts.ChainHeads.Clear();
        _record.Receipts.Pending.Clear();

        Assert.Equal(before, JsonSerializer.Serialize(copy));
        Assert.NotEqual(before, JsonSerializer.Serialize(_record));
    }

    [Fact]
    public void ACopyKeepsEveryStoredMemberOfTheRecordAndItsOutbox()
    {
        // Every serialized member gets a value that differs from its default (a member added later without a
        // test value fails here, so it cannot be dropped by Copy() unnoticed), then the copy must carry each one.
        var original = (WorkloadRecord)WithEveryStoredMemberSet(typeof(WorkloadRecord));
        var copy = original.Copy();
        var defaults = new WorkloadRecord();
        foreach (var member in StoredMembers(typeof(WorkloadRecord)))
        {
            var expected = JsonSerializer.Serialize(member.GetValue(original));
            Assert.NotEqual(JsonSerializer.Serialize(member.GetValue(defaults)), expected);
            Assert.True(expected == JsonSerializer.Serialize(member.GetValue(copy)), $"Copy() drops or changes {member.Name}");
        }

        foreach (var member in StoredMembers(typeof(ReceiptOutbox)))
        {
            Assert.True(
                JsonSerializer.Serialize(member.GetValue(original.Receipts)) == JsonSerializer.Serialize(member.GetValue(copy.Receipts)),
                $"Copy() drops or changes Receipts.{member.Name}");
        }
    }

    // The members Orleans serializes ([Id]); each must be a public settable property, which this test can set.
    private static List<PropertyInfo> StoredMembers(Type type)
    {
        var all = type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<Orleans.IdAttribute>() is not null).ToList();
        Assert.All(all, m => Assert.True(m is PropertyInfo { CanWrite: true, SetMethod.IsPublic: true }, $"{type.Name}.{m.Name} is not a public settable property"));
        return all.Cast<PropertyInfo>().ToList();
    }

    private static object WithEveryStoredMemberSet(Type type)
    {
        var value = Activator.CreateInstance(type)!;
        foreach (var member in StoredMembers(type))
        {
            member.SetValue(value, NonDefault(member.PropertyType));
        }

        return value;
    }

    private static object NonDefault(Type type) => type switch
    {
        _ when type == typeof(long) => 42L,
        _ when type == typeof(bool) => true,
        _ when type == typeof(DateTimeOffset) => DateTimeOffset.UnixEpoch.AddDays(3),
        _ when type == typeof(WorkloadSpec) => new WorkloadSpec { Name = "job", Driver = WorkloadDriver.Process, Command = ["/bin/true"], Resources = new WorkloadResources { CpuMillicores = 100, MemoryBytes = 64L << 20 } },
        _ when type == typeof(List<WorkloadInstance>) => new List<WorkloadInstance>
        {
            new() { InstanceId = "default-job-1", WorkloadId = "default/job", SpecVersion = 1, Ordinal = 0, State = InstanceState.Stopped, NodeName = "n1" },
        },
        _ when type == typeof(List<WorkloadEvent>) => new List<WorkloadEvent>
        {
            new() { At = DateTimeOffset.UnixEpoch, WorkloadId = "default/job", Kind = "Stopped", Message = "test" },
        },
        _ when type == typeof(ReceiptOutbox) => WithEveryStoredMemberSet(typeof(ReceiptOutbox)),
        _ when type == typeof(List<PendingReceipt>) => new List<PendingReceipt>
        {
            new()
            {
                Id = Guid.CreateVersion7(DateTimeOffset.UnixEpoch),
                Kind = ReceiptKind.WorkloadStopped,
                Subject = "workload/default/job",
                Actor = "node/n1",
                WallMilliseconds = 1,
                Counter = 2,
                PayloadHash = new byte[32],
            },
        },
        _ when type == typeof(Dictionary<string, byte[]>) => new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["workload/default/job"] = [1, 2, 3] },
        _ => throw new InvalidOperationException($"no non-default test value for {type}: add one, so that Copy() is checked for the member"),
    };

    // One replica slot whose instances were each placed on n1 and evicted (stopped, release pending).
    private (WorkloadPlanner Planner, List<string> Ids) EvictedInstances(int count)
    {
        var planner = Planner;
        planner.Apply(new WorkloadSpec
        {
            Name = "job",
            Driver = WorkloadDriver.Process,
            Command = ["/bin/true"],
            Replicas = 1,
            Resources = new WorkloadResources { CpuMillicores = 100, MemoryBytes = 64L << 20 },
        }, allowUpdate: false);
        var ids = new List<string>();
        for (var run = 0; run < count; run++)
        {
            var instance = Assert.Single(planner.Converge().ToPlace);
            planner.Scheduled(instance.InstanceId, "n1", new Dictionary<string, int>());
            planner.Evict(instance.InstanceId, "n1", "Evicted", "test");
            ids.Add(instance.InstanceId);
        }

        return (planner, ids);
    }
}
