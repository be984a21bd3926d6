using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads.Options;
using Enc.Grains.Workloads.Placement;
using Microsoft.Extensions.DependencyInjection;

namespace Enc.Cluster.Tests.Workloads;

/// <summary>
/// A node that stops answering release calls (rather than failing fast) cannot stall its workload: an operation
/// waits at most the release timeout, and only for the releases it caused itself; releases left pending earlier
/// are not retried by apply, agent reports or stop, and are retried later (the retry timer's path) until the node
/// answers. Real agent and process driver; the node's silence is faked (<see cref="SilentNodePlacementCluster"/>).
/// </summary>
public sealed class WorkloadReleaseTimeoutClusterTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OperationsDoNotWaitForAnEarlierReleaseOnANodeThatDoesNotAnswerWithFakePlacementCluster()
    {
        await using var cluster = await WorkloadClusterTests.StartAsync(silos: 1, configure: silo =>
        {
            SilentNodePlacementCluster.Install(silo);
            silo.Services.Configure<EncWorkloadOptions>(o =>
            {
                o.ReleaseTimeout = TimeSpan.FromSeconds(2);
                // No timer or reminder retry during the test, however slow the machine: only calls could retry.
                o.PendingRetryInterval = TimeSpan.FromHours(1);
                o.ReleaseRetryReminderPeriod = TimeSpan.FromHours(1);
            });
        });
        await using var client = await cluster.ConnectClientAsync();
        var silo = cluster.Cluster.Silos[0];
        var node = (SilentNodePlacementCluster)cluster.Service<IPlacementCluster>(silo);
        var nodeName = cluster.Agent(silo).NodeName;
        var spec = Job(replicas: 2, seconds: 3600);
        await client.Workloads.SubmitAsync(spec, Ct);
        await WorkloadClusterTests.WaitForAsync(client, "web", w => w.Instances.Count(i => i.State == InstanceState.Running) == 2);

        // The node stops answering. Scaling down stops one instance (and, the spec having changed, starts replacing
        // the other): the apply waits for its own release no longer than the release timeout, and leaves it pending.
        node.Silence(nodeName);
        await client.Workloads.ApplyAsync(spec with { Replicas = 1 }, Ct);
        var early = Assert.Single((await client.Workloads.GetAsync("web", Ct))!.Instances, i => i.Ordinal == 1);
        Assert.Equal(InstanceState.Stopped, early.State);
        Assert.False(early.NodeReleased);
        Assert.Equal(1, node.UnansweredFor(early.InstanceId));
        await SettledAsync(client);

        // A new spec (apply), the agent's reports of its replacement running (which stop the old instance: a
        // release of the report's own), and stop: each completes, and none asks again for a release left pending.
        await client.Workloads.ApplyAsync(Job(replicas: 1, seconds: 3601), Ct);
        await SettledAsync(client);
        Assert.True(await client.Workloads.StopAsync("web", Ct));
        var stopped = (await client.Workloads.GetAsync("web", Ct))!;
        Assert.Equal(4, stopped.Instances.Count); // the early one, two replaced ones, the stopped one
        Assert.All(stopped.Instances, i =>
        {
            Assert.Equal(InstanceState.Stopped, i.State);
            Assert.False(i.NodeReleased);
            Assert.Equal(1, node.UnansweredFor(i.InstanceId)); // asked once, by the operation that stopped it
        });

        // The node answers again: the retry (what the timer and the reminder run) gives every reservation back.
        node.Answer();
        await cluster.Grains.GetGrain<IWorkloadGrain>("default/web").RetryPendingAsync();
        await WorkloadClusterTests.WaitForAsync(client, "web", w => w.Instances.All(i => i.NodeReleased));
        Assert.Equal(0, (await client.Nodes.GetAsync(nodeName, Ct))!.Resources.Allocated.CpuMillicores);
        Assert.True(await client.Workloads.DeleteAsync("web", Ct));
        await Eventually.WaitAsync(() => client.Workloads.GetAsync("web", Ct), w => w is null, Timeout, "workload forgotten");
    }

    // One instance of the current spec runs and every older one ended.
    private static Task<WorkloadSnapshot> SettledAsync(Enc.Client.EncClient client) => WorkloadClusterTests.WaitForAsync(client, "web", w =>
        w.Instances.Any(i => i.SpecVersion == w.SpecVersion && i.State == InstanceState.Running) && w.Instances.All(i => i.SpecVersion == w.SpecVersion || i.IsTerminal));

    private static WorkloadSpec Job(int replicas, int seconds) => new()
    {
        Name = "web",
        Driver = WorkloadDriver.Process,
        Command = ["/bin/sleep", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        Replicas = replicas,
        Resources = new WorkloadResources { CpuMillicores = 100, MemoryBytes = 16L << 20 },
        StopGracePeriod = TimeSpan.FromSeconds(1),
    };
}
