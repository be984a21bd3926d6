using System.Globalization;
using System.Text.Json;
using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads;

namespace Enc.Cluster.Tests.Unit;

/// <summary>
/// The planner's revision (what the workload grain compares to skip its state write): it moves on every real
/// change and on nothing else, checked case by case and against a byte comparison of the record over random
/// operation sequences.
/// </summary>
public sealed class WorkloadPlannerRevisionTests
{
    private static readonly WorkloadSpec Spec = new()
    {
        Name = "job",
        Driver = WorkloadDriver.Process,
        Command = ["/bin/true"],
        Replicas = 2,
        Resources = new WorkloadResources { CpuMillicores = 100, MemoryBytes = 64L << 20 },
    };

    private static readonly DateTimeOffset Started = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private readonly WorkloadRecord _record = new();
    private DateTimeOffset _now = Started;
    private int _ids;

    private WorkloadPlanner Planner => new(_record, () => _now, () => (++_ids).ToString(CultureInfo.InvariantCulture));

    public static TheoryData<string, Func<InstanceStatusReport, InstanceStatusReport>> Changes => new()
    {
        { "state", r => r with { State = InstanceState.Failed } },
        { "exit code", r => r with { ExitCode = 3 } },
        { "reason", r => r with { Reason = "health check failed" } },
        { "restart count", r => r with { RestartCount = r.RestartCount + 1 } },
        { "started at", r => r with { StartedAt = r.StartedAt!.Value.AddSeconds(1) } },
        { "finished at", r => r with { FinishedAt = Started.AddMinutes(1) } },
        { "task id", r => r with { TaskId = "other-task" } },
    };

    [Fact]
    public void AnUnchangedReportChangesNothing()
    {
        var (planner, instance) = RunningInstance();
        var revision = planner.Revision;
        var events = _record.Events.Count;

        Assert.Null(planner.Report("n1", ReportOf(instance)));
        Assert.Null(planner.Report("n1", ReportOf(instance) with { ObservedAt = Started.AddHours(1) })); // only when the agent looked

        Assert.Equal(revision, planner.Revision);
        Assert.Equal(events, _record.Events.Count);
        Assert.Equal(instance, _record.Instances.Single(i => i.InstanceId == instance.InstanceId));
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void AChangedReportFieldIsAChange(string field, Func<InstanceStatusReport, InstanceStatusReport> change)
    {
        var (planner, instance) = RunningInstance();
        var revision = planner.Revision;

        planner.Report("n1", change(ReportOf(instance)));

        Assert.True(planner.Revision > revision, field);
        var revisionAfter = planner.Revision;
        planner.Report("n1", change(ReportOf(instance)));
        Assert.Equal(revisionAfter, planner.Revision); // the same changed report again: no further change
    }

    [Fact]
    public void AReportFromAnotherNodeOrForAnUnknownInstanceChangesNothing()
    {
        var (planner, instance) = RunningInstance();
        var revision = planner.Revision;

        planner.Report("n2", ReportOf(instance) with { State = InstanceState.Failed });
        planner.Report("n1", ReportOf(instance) with { InstanceId = "unknown" });

        Assert.Equal(revision, planner.Revision);
    }

    [Fact]
    public void CompactionIsAChangeOnlyWhenItDropsInstances()
    {
        var planner = Planner;
        planner.Apply(Spec with { Replicas = 1 }, allowUpdate: false);
        for (var run = 0; run < 7; run++)
        {
            var instance = Assert.Single(planner.Converge().ToPlace);
            planner.Scheduled(instance.InstanceId, "n1", new Dictionary<string, int>());
            planner.Report("n1", new InstanceStatusReport { InstanceId = instance.InstanceId, WorkloadId = Spec.Id, State = InstanceState.Running });
            planner.Evict(instance.InstanceId, "n1", "Evicted", "test"); // terminal: the slot gets a new instance
            planner.MarkReleased(instance.InstanceId); // the node gave its reservation back (else compaction keeps it)
        }

        var revision = planner.Revision;
        planner.Compact(keepPerSlot: 7);
        Assert.Equal(revision, planner.Revision);

        planner.Compact(keepPerSlot: 5);
        Assert.True(planner.Revision > revision);
        Assert.Equal(5, _record.Instances.Count(i => i.IsTerminal));
    }

    [Fact]
    public void AStoppedReportKeepsTheReleaseOfAFinishedInstance()
    {
        // The node gave the reservation back when the instance finished and nothing took it again.
        var (planner, instance) = RunningInstance();
        planner.Report("n1", ReportOf(instance) with { State = InstanceState.Failed, ExitCode = 3 });
        Assert.True(planner.MarkReleased(instance.InstanceId));

        var finished = _record.Instances.Single(i => i.InstanceId == instance.InstanceId);
        planner.Report("n1", ReportOf(finished) with { State = InstanceState.Stopped });

        var stopped = _record.Instances.Single(i => i.InstanceId == instance.InstanceId);
        Assert.Equal(InstanceState.Stopped, stopped.State);
        Assert.True(stopped.NodeReleased);
    }

    [Fact]
    public void ReleaseIsRecordedOnceAndClearedWhenTheInstanceRunsAgain()
    {
        var (planner, instance) = RunningInstance();
        Assert.Empty(planner.PendingReleases()); // still running: holds its reservation

        planner.Report("n1", ReportOf(instance) with { State = InstanceState.Succeeded, ExitCode = 0 });
        Assert.Equal(instance.InstanceId, Assert.Single(planner.PendingReleases()).InstanceId);

        var revision = planner.Revision;
        Assert.True(planner.MarkReleased(instance.InstanceId));
        Assert.True(planner.Revision > revision);
        revision = planner.Revision;
        Assert.False(planner.MarkReleased(instance.InstanceId));
        Assert.False(planner.MarkReleased("unknown"));
        Assert.Equal(revision, planner.Revision);
        Assert.Empty(planner.PendingReleases());

        // The same finished report keeps the fact; an agent that runs the instance again clears it.
        var finished = _record.Instances.Single(i => i.InstanceId == instance.InstanceId);
        planner.Report("n1", ReportOf(finished));
        Assert.Equal(revision, planner.Revision);
        planner.Report("n1", ReportOf(finished) with { State = InstanceState.Running });
        Assert.False(_record.Instances.Single(i => i.InstanceId == instance.InstanceId).NodeReleased);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void TheRevisionMovesExactlyWhenTheRecordChangesOverRandomOperations(int seed)
    {
        var random = new Random(seed);
        var planner = Planner;
        planner.Apply(Spec, allowUpdate: false);
        for (var step = 0; step < 400; step++)
        {
            _now = _now.AddSeconds(1);
            var before = Content();
            var revision = planner.Revision;
            var operation = RandomOperation(random, planner);

            var changed = Content() != before;
            Assert.True(changed == (planner.Revision != revision), $"seed {seed} step {step} {operation}: content changed {changed}, revision {revision} -> {planner.Revision}");
        }
    }

    private string RandomOperation(Random random, WorkloadPlanner planner)
    {
        var instances = _record.Instances;
        var any = instances.Count == 0 ? null : instances[random.Next(instances.Count)];
        var nodes = new[] { "n1", "n2" };
        switch (random.Next(10))
        {
            case 0 when !planner.Deleting: // a workload being deleted refuses apply
                planner.Apply(Spec with { Replicas = random.Next(1, 4), Command = [random.Next(2) == 0 ? "/bin/true" : "/bin/false"] }, allowUpdate: true);
                return "apply";
            case 1 when random.Next(4) == 0:
                if (random.Next(8) == 0)
                {
                    planner.Delete("deleted"); // a repeated delete changes nothing
                    return "delete";
                }

                planner.Stop("test");
                return "stop";
            case 2:
                planner.Converge();
                return "converge";
            case 3 when planner.Pending().Count > 0:
                planner.Scheduled(planner.Pending()[0].InstanceId, nodes[random.Next(2)], new Dictionary<string, int>());
                return "scheduled";
            case 4 when planner.Pending().Count > 0:
                planner.Unschedulable(planner.Pending()[0].InstanceId, random.Next(2) == 0 ? "no node" : "filled up");
                return "unschedulable";
            case 5 when any is not null:
                planner.MarkReleased(any.InstanceId);
                return "released";
            case 6 when any is not null && random.Next(3) == 0:
                planner.Evict(any.InstanceId, any.NodeName ?? "n1", "Evicted", "test");
                return "evict";
            case 7:
                planner.Compact(keepPerSlot: random.Next(1, 4));
                return "compact";
            case 8 when random.Next(6) == 0:
                planner.NodesLost([nodes[random.Next(2)]]);
                return "nodes lost";
            default:
                if (any is null)
                {
                    return "none";
                }

                var report = ReportOf(any);
                report = random.Next(5) switch
                {
                    0 => report with { State = (InstanceState)random.Next(2, 8) },
                    1 => report with { ExitCode = random.Next(3) },
                    2 => report with { Reason = random.Next(2) == 0 ? null : "exited" },
                    3 => report with { StartedAt = Started.AddSeconds(random.Next(3)), FinishedAt = Started.AddSeconds(random.Next(3)) },
                    _ => report, // the periodic full report: identical
                };
                planner.Report(random.Next(4) == 0 ? nodes[random.Next(2)] : any.NodeName ?? "n1", report);
                return "report";
        }
    }

    private (WorkloadPlanner Planner, WorkloadInstance Instance) RunningInstance()
    {
        var planner = Planner;
        planner.Apply(Spec, allowUpdate: false);
        var instance = planner.Converge().ToPlace[0];
        planner.Scheduled(instance.InstanceId, "n1", new Dictionary<string, int>());
        planner.Report("n1", new InstanceStatusReport
        {
            InstanceId = instance.InstanceId,
            WorkloadId = Spec.Id,
            State = InstanceState.Running,
            TaskId = "task-1",
            StartedAt = Started,
        });
        return (planner, _record.Instances.Single(i => i.InstanceId == instance.InstanceId));
    }

    private static InstanceStatusReport ReportOf(WorkloadInstance instance) => InstanceReports.Of(instance, Started);

    // The record's content apart from the revision itself.
    private string Content()
    {
        var revision = _record.Revision;
        _record.Revision = 0;
        var json = JsonSerializer.Serialize(_record);
        _record.Revision = revision;
        return json;
    }
}
