using Enc.Cluster.Tests.Scheduling;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Scheduling;
using Enc.Grains.Workloads.Placement;
using Enc.Scheduling.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enc.Cluster.Tests.Unit;

public sealed class SchedulerPlacementPolicyTests
{
    private static NodeSnapshot Node(string name, Enc.Grains.Interfaces.Nodes.NodeStatus status, long freeCpu, params string[] drivers) =>
        SchedulingModelMapperTests.Node(name, status, drivers, freeCpu);

    [Fact]
    public void RanksTheChosenNodeFirstAndExplainsEveryRejection()
    {
        var nodes = new[]
        {
            Node("roomy", Enc.Grains.Interfaces.Nodes.NodeStatus.Ready, 3000, "docker"),
            Node("snug", Enc.Grains.Interfaces.Nodes.NodeStatus.Ready, 1000, "docker"),
            Node("no-docker", Enc.Grains.Interfaces.Nodes.NodeStatus.Ready, 4000, "process"),
            Node("down", Enc.Grains.Interfaces.Nodes.NodeStatus.Down, 4000, "docker"),
            Node("full", Enc.Grains.Interfaces.Nodes.NodeStatus.Ready, 100, "docker"),
        };
        var ranking = new SchedulerPlacementPolicy(new SchedulerOptions()).Rank(SchedulingModelMapperTests.Spec(WorkloadDriver.Docker, 500), SchedulingTestData.Pending(), ClusterView.OfNodes(nodes));

        Assert.Equal(["snug", "roomy"], ranking.Candidates);
        Assert.Equal("NodeSelector: node didn't match the node selector", ranking.Rejections["no-docker"]);
        Assert.Equal("NodeStatus: node is not ready", ranking.Rejections["down"]);
        Assert.Equal("NodeResourcesFit: insufficient cpu", ranking.Rejections["full"]);
    }

    [Fact]
    public void AnUnregisteredAlgorithmIsReportedNotThrown()
    {
        var spec = SchedulingModelMapperTests.Spec(WorkloadDriver.Docker, 500) with
        {
            Scheduling = new WorkloadScheduling { Algorithm = SchedulingAlgorithmNames.ZkVerified },
        };
        var ranking = new SchedulerPlacementPolicy(new SchedulerOptions()).Rank(spec, SchedulingTestData.Pending(), ClusterView.OfNodes([Node("a", Enc.Grains.Interfaces.Nodes.NodeStatus.Ready, 4000, "docker")]));
        Assert.Empty(ranking.Candidates);
        Assert.Contains("Algorithm", ranking.Rejections["a"], StringComparison.Ordinal);
    }

    [Fact]
    public void UseEncSchedulerReplacesTheDefaultPolicyInEitherOrder()
    {
        var before = new ServiceCollection().UseEncScheduler();
        before.TryAddSingleton<IWorkloadPlacementPolicy, ResourceFitPlacementPolicy>(); // what AddEncWorkloads does
        var after = new ServiceCollection();
        after.AddSingleton<IWorkloadPlacementPolicy, ResourceFitPlacementPolicy>();
        after.UseEncScheduler(o => o.DefaultResourceStrategy = "spread");

        Assert.IsType<SchedulerPlacementPolicy>(before.BuildServiceProvider().GetRequiredService<IWorkloadPlacementPolicy>());
        Assert.IsType<SchedulerPlacementPolicy>(after.BuildServiceProvider().GetRequiredService<IWorkloadPlacementPolicy>());
        Assert.Equal("spread", after.BuildServiceProvider().GetRequiredService<SchedulerOptions>().DefaultResourceStrategy);
    }
}
