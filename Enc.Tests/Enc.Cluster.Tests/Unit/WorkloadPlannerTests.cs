using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads;

namespace Enc.Cluster.Tests.Unit;

public sealed class WorkloadPlannerTests
{
    private static readonly WorkloadSpec Spec = new()
    {
        Name = "web",
        Driver = WorkloadDriver.Docker,
        Image = "busybox:local",
        Replicas = 2,
        Resources = new WorkloadResources { CpuMillicores = 100, MemoryBytes = 64L << 20 },
    };

    private readonly WorkloadRecord _record = new();
    private int _ids;

    private WorkloadPlanner Planner => new(_record, () => DateTimeOffset.UnixEpoch, () => (++_ids).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void CreatesOnePendingInstancePerReplica()
    {
        Assert.True(Planner.Apply(Spec, allowUpdate: false));
        var (place, stop) = Planner.Converge();
        Assert.Equal([0, 1], place.Select(i => i.Ordinal));
        Assert.All(place, i => Assert.Equal(InstanceState.Pending, i.State));
        Assert.Empty(stop);
        Assert.Empty(Planner.Converge().ToPlace);
    }

    [Fact]
    public void RejectsInvalidSpecsAndDuplicateSubmissionsWithoutStoring()
    {
        Assert.Throws<WorkloadSpecException>(() => Planner.Apply(Spec with { Image = "" }, allowUpdate: true));
        Assert.Null(_record.Spec);
        Planner.Apply(Spec, allowUpdate: false);
        Assert.Throws<InvalidOperationException>(() => Planner.Apply(Spec, allowUpdate: false));
        Assert.False(Planner.Apply(Spec with { Env = new Dictionary<string, string>() }, allowUpdate: true));
    }

    [Fact]
    public void RollingUpdateReplacesOneSlotAtATime()
    {
        var planner = Planner;
        planner.Apply(Spec, false);
        RunAll(planner, planner.Converge().ToPlace);

        planner.Apply(Spec with { Image = "busybox:v2" }, allowUpdate: true);
        var first = planner.Converge();
        var created = Assert.Single(first.ToPlace);
        Assert.Equal(2, created.SpecVersion);
        Assert.Empty(first.ToStop);
        Assert.Empty(planner.Converge().ToPlace); // the second slot waits

        RunAll(planner, [created]);
        var second = planner.Converge();
        Assert.Equal(created.Ordinal, Assert.Single(second.ToStop).Ordinal);
        var next = Assert.Single(second.ToPlace);
        Assert.NotEqual(created.Ordinal, next.Ordinal);

        RunAll(planner, [next]);
        Assert.Single(planner.Converge().ToStop);
        Assert.All(planner.Active(), i => Assert.Equal(2, i.SpecVersion));
    }

    [Fact]
    public void LostNodeInstancesAreReplacedAndStaleReportsIgnored()
    {
        var planner = Planner;
        planner.Apply(Spec with { Replicas = 1 }, false);
        var original = Assert.Single(planner.Converge().ToPlace);
        planner.Scheduled(original.InstanceId, "a", new Dictionary<string, int>());

        var lost = Assert.Single(planner.NodesLost(["a"]));
        Assert.Equal(InstanceState.Stopped, lost.State);
        var replacement = Assert.Single(planner.Converge().ToPlace);
        Assert.Equal(original.Ordinal, replacement.Ordinal);

        // The old node reports after coming back: ignored.
        Assert.Null(planner.Report("a", Report(original.InstanceId, InstanceState.Running)));
        Assert.Equal(InstanceState.Stopped, planner.Snapshot()!.Instances.Single(i => i.InstanceId == original.InstanceId).State);
    }

    [Fact]
    public void StopStopsEverythingAndApplyStartsAgain()
    {
        var planner = Planner;
        planner.Apply(Spec, false);
        RunAll(planner, planner.Converge().ToPlace);
        planner.Stop("test");
        Assert.Equal(2, planner.Converge().ToStop.Count);
        Assert.Empty(planner.Active());
        Assert.True(planner.Apply(Spec, allowUpdate: true));
        Assert.Equal(2, planner.Converge().ToPlace.Count);
    }

    [Fact]
    public void DeleteStopsOnceKeepsReleasesPendingAndRefusesApply()
    {
        var planner = Planner;
        planner.Apply(Spec, false);
        RunAll(planner, planner.Converge().ToPlace);
        Assert.False(planner.Snapshot()!.Deleting);

        Assert.True(planner.Delete("deleted"));
        Assert.True(planner.Deleting);
        Assert.True(planner.Snapshot()!.Deleting); // what `enc rm` and `enc inspect` show while releases are pending
        Assert.Equal(2, planner.Converge().ToStop.Count);
        Assert.Equal(2, planner.PendingReleases().Count); // the grain forgets the workload only once these are back
        Assert.Equal(["Stopped"], _record.Events.Where(e => e.InstanceId is null).Select(e => e.Kind).Skip(1));

        // A repeated delete changes nothing (no second event, so no second receipt); apply is refused.
        var revision = planner.Revision;
        Assert.False(planner.Delete("deleted"));
        Assert.Equal(revision, planner.Revision);
        var refused = Assert.Throws<InvalidOperationException>(() => planner.Apply(Spec, allowUpdate: true));
        Assert.Contains("being deleted", refused.Message, StringComparison.Ordinal);
        Assert.Equal(revision, planner.Revision);
    }

    private static void RunAll(WorkloadPlanner planner, IEnumerable<WorkloadInstance> instances)
    {
        foreach (var i in instances)
        {
            planner.Scheduled(i.InstanceId, "n", new Dictionary<string, int>());
            planner.Report("n", Report(i.InstanceId, InstanceState.Running));
        }
    }

    private static InstanceStatusReport Report(string id, InstanceState state) =>
        new() { InstanceId = id, WorkloadId = "default/web", State = state };
}
