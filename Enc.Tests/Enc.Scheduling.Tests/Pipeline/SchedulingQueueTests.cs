namespace Enc.Scheduling.Tests.Pipeline;

public sealed class SchedulingQueueTests
{
    [Fact]
    public void OrdersByPriorityThenSubmissionThenReplica()
    {
        var queue = new SchedulingQueue();
        queue.Enqueue(Build.Request("late-low", sequence: 3));
        queue.Enqueue(Build.Request("early-low", sequence: 1) with { Replicas = 2 });
        queue.Enqueue(Build.Request("high", sequence: 9, priority: 10));
        var order = new List<string>();
        while (queue.TryDequeue(out var item))
        {
            order.Add(item.InstanceId);
        }

        Assert.Equal(["high/0", "early-low/0", "early-low/1", "late-low/0"], order);
    }

    public static TheoryData<string, ClusterEventKinds, ClusterEventKinds, bool> EventCases => new()
    {
        { "cpu-starved replica moves when an instance is removed", ClusterEventKinds.InstanceRemoved | ClusterEventKinds.NodeAdded, ClusterEventKinds.InstanceRemoved, true },
        { "cpu-starved replica ignores taint changes", ClusterEventKinds.InstanceRemoved | ClusterEventKinds.NodeAdded, ClusterEventKinds.NodeTaintsChanged, false },
        { "taint-blocked replica moves on taint change", ClusterEventKinds.NodeTaintsChanged, ClusterEventKinds.NodeTaintsChanged, true },
    };

    [Theory]
    [MemberData(nameof(EventCases))]
    public void UnschedulableMoveBackOnlyOnHelpfulEvents(string name, ClusterEventKinds requeueOn, ClusterEventKinds happened, bool moves)
    {
        var queue = new SchedulingQueue();
        queue.Enqueue(Build.Request());
        Assert.True(queue.TryDequeue(out var item));
        queue.MarkUnschedulable(item, requeueOn);
        Assert.Equal(1, queue.UnschedulableCount);
        Assert.Equal(0, queue.ActiveCount);
        Assert.True(queue.OnClusterEvent(happened) == (moves ? 1 : 0), name);
        Assert.Equal(moves ? 1 : 0, queue.ActiveCount);
    }

    [Fact]
    public void AnEventDuringTheCycleRequeuesImmediately()
    {
        var queue = new SchedulingQueue();
        queue.Enqueue(Build.Request());
        Assert.True(queue.TryDequeue(out var item));
        queue.OnClusterEvent(ClusterEventKinds.InstanceRemoved);
        queue.MarkUnschedulable(item, ClusterEventKinds.InstanceRemoved);
        Assert.Equal(1, queue.ActiveCount);
        Assert.Equal(0, queue.UnschedulableCount);
    }

    [Fact]
    public void PendingReplicaIsPlacedAfterResourcesAreFreed()
    {
        var snapshot = Build.Cluster([Build.Node("a", cpu: 1000)], [Build.Instance("old/0", "old", "a", cpu: 800)]);
        var target = new InMemoryBindingTarget(snapshot);
        var queue = new SchedulingQueue();
        queue.Enqueue(Build.Request("new", cpu: 500));

        var first = new SchedulingPipeline(snapshot).ScheduleQueue(queue, target);
        Assert.Equal(SchedulingOutcome.Pending, Assert.Single(first).Outcome);
        Assert.Equal(1, queue.UnschedulableCount);

        Assert.True(target.Release("a", "old/0"));
        Assert.Equal(1, queue.OnClusterEvent(ClusterEventKinds.InstanceRemoved));
        var second = new SchedulingPipeline(target.ToSnapshot(snapshot)).ScheduleQueue(queue, target);
        Assert.Equal("a", Assert.Single(second).NodeId);
    }

    [Fact]
    public void RemoveDropsAWorkloadEverywhere()
    {
        var queue = new SchedulingQueue();
        queue.Enqueue(Build.Request("gone") with { Replicas = 3 });
        queue.Enqueue(Build.Request("kept"));
        Assert.True(queue.TryDequeue(out var parked));
        queue.MarkUnschedulable(parked, ClusterEventKinds.NodeAdded);
        Assert.Equal(3, queue.Remove("gone"));
        Assert.True(queue.TryDequeue(out var left));
        Assert.Equal("kept", left.Request.WorkloadId);
        Assert.False(queue.TryDequeue(out _));
    }
}
