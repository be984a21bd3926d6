using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Scheduling;

namespace Enc.Cluster.Tests.Unit;

public sealed class SchedulingStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void UnschedulableSetWakesOnlyTheWorkloadsAChangeMayHelpAndOnlyOnce()
    {
        var set = new UnschedulableSet();
        set.Park("default/a", ClusterChangeKinds.InstanceRemoved);
        set.Park("default/b", ClusterChangeKinds.NodeTaintsChanged);
        set.Park("default/c", ClusterChangeKinds.None);
        set.Park("default/b", ClusterChangeKinds.NodeAdded);

        Assert.Equal(ClusterChangeKinds.NodeTaintsChanged | ClusterChangeKinds.NodeAdded, set.Parked.Single(p => p.Key == "default/b").Value);
        Assert.Equal(["default/a", "default/c"], set.Wake(ClusterChangeKinds.InstanceRemoved));
        Assert.Empty(set.Wake(ClusterChangeKinds.InstanceRemoved));
        Assert.Empty(set.Wake(ClusterChangeKinds.InstanceAdded));
        Assert.Equal(["default/b"], set.Wake(ClusterChangeKinds.NodeAdded));
        Assert.Empty(set.Parked);
    }

    [Fact]
    public void ClusterChangeKindsMatchTheSchedulersEventKindsBitForBit()
    {
        foreach (var kind in Enum.GetValues<Enc.Scheduling.Framework.ClusterEventKinds>())
        {
            Assert.Equal(kind.ToString(), ((ClusterChangeKinds)(int)kind).ToString());
        }
    }

    [Fact]
    public void DecisionLogIsBoundedAndCollapsesRepeatedPendingDecisions()
    {
        var log = new WorkloadDecisionLog(new WorkloadDecisionsRecord());
        SchedulingExplanation Decision(string instance, ExplanationOutcome outcome, string message, int minute) => new()
        {
            WorkloadId = "default/w",
            InstanceId = instance,
            Replica = 0,
            DecidedAt = T0.AddMinutes(minute),
            Outcome = outcome,
            Algorithm = "ResourceBased",
            Message = message,
        };

        log.Add([Decision("i0", ExplanationOutcome.Pending, "0/1 nodes are available", 0)]);
        log.Add([Decision("i0", ExplanationOutcome.Pending, "0/1 nodes are available", 1)]);
        Assert.Single(log.Decisions);
        Assert.Equal(T0.AddMinutes(1), log.Last!.DecidedAt);

        log.Add(Enumerable.Range(0, WorkloadDecisionLog.MaxDecisions + 3).Select(i => Decision($"p{i}", ExplanationOutcome.Placed, "", i)));
        Assert.Equal(WorkloadDecisionLog.MaxDecisions, log.Decisions.Count);
        Assert.Equal($"p{WorkloadDecisionLog.MaxDecisions + 2}", log.Last!.InstanceId);
        Assert.False(log.Add([]));
    }

    [Fact]
    public void LatencyTableReplacesAReportersSamplesAndDropsOldOnes()
    {
        var table = new LatencyTable(TimeSpan.FromSeconds(30));
        NodeLatency Sample(string from, string to, long us, int second) => new() { FromNode = from, ToNode = to, RoundTripMicroseconds = us, MeasuredAt = T0.AddSeconds(second) };
        table.Report("a", [Sample("a", "b", 100, 0), Sample("a", "c", 300, 0)]);
        table.Report("b", [Sample("b", "a", 120, 20)]);
        table.Report("a", [Sample("a", "b", 110, 20)]);

        Assert.Equal([("a", "b", 110L), ("b", "a", 120L)], table.Current(T0.AddSeconds(40)).Select(s => (s.FromNode, s.ToNode, s.RoundTripMicroseconds)));
        Assert.Empty(table.Current(T0.AddSeconds(60)));
        Assert.Throws<ArgumentException>(() => table.Report("a", [Sample("b", "c", 1, 0)]));
        Assert.Throws<ArgumentException>(() => table.Report("a", [Sample("a", "a", 1, 0)]));
    }
}
