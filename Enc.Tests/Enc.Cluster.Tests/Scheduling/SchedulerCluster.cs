using Enc.Client;
using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Ledger.Options;
using Enc.Grains.Nodes.Options;
using Enc.Grains.Scheduling;
using Enc.Grains.Workloads.Options;
using Enc.Ledger.Receipts;
using Microsoft.Extensions.DependencyInjection;

namespace Enc.Cluster.Tests.Scheduling;

/// <summary>
/// A multi-node in-process cluster for scheduler tests: every silo is a node with its own agent running
/// real processes (process driver), fast heartbeats and latency probes.
/// </summary>
internal sealed class SchedulerCluster : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private SchedulerCluster(DevTestCluster cluster, EncClient client, IReadOnlyList<string> nodes)
    {
        Cluster = cluster;
        Client = client;
        Nodes = nodes;
    }

    public DevTestCluster Cluster { get; }

    public EncClient Client { get; }

    /// <summary>Node names, in silo order.</summary>
    public IReadOnlyList<string> Nodes { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<SchedulerCluster> StartAsync(int silos)
    {
        var cluster = await DevTestCluster.StartAsync(silos, configure: silo =>
        {
            silo.Services.Configure<EncWorkloadOptions>(o =>
            {
                o.DockerEndpoint = "unix:///nonexistent/docker.sock";
                o.FailoverInterval = TimeSpan.FromMilliseconds(500);
                o.OrphanGracePeriod = TimeSpan.FromSeconds(1);
            });
            silo.Services.Configure<EncNodeOptions>(o =>
            {
                o.DockerEndpoint = "unix:///nonexistent/docker.sock";
                o.HeartbeatInterval = TimeSpan.FromMilliseconds(500);
                o.MonitorInterval = TimeSpan.FromMilliseconds(500);
            });
            silo.Services.Configure<EncLedgerOptions>(o =>
            {
                o.RetryInterval = TimeSpan.FromSeconds(1);
                o.CheckpointInterval = TimeSpan.FromMilliseconds(500);
            });
            silo.Services.Configure<EncTopologyOptions>(o =>
            {
                o.LatencyProbeInterval = TimeSpan.FromMilliseconds(500);
                o.LatencyProbeTimeout = TimeSpan.FromMilliseconds(400);
            });
        });
        var client = await cluster.ConnectClientAsync();
        var nodes = cluster.Cluster.Silos.Select(s => cluster.Agent(s).NodeName).ToList();
        await Eventually.WaitAsync(() => client.Nodes.ListAsync(Ct), n => n.Count(x => x.Status == NodeStatus.Ready) == silos, Timeout, $"{silos} Ready nodes");
        return new SchedulerCluster(cluster, client, nodes);
    }

    public Task<WorkloadSnapshot> WaitForAsync(string name, Func<WorkloadSnapshot, bool> done, string what) =>
        Eventually.WaitAsync(async () => (await Client.Workloads.GetAsync(name, Ct))!, done, Timeout, $"workload {name}: {what}");

    public Task<WorkloadSnapshot> WaitRunningAsync(string name, int replicas) =>
        WaitForAsync(name, w => w.Instances.Count(i => i.State == InstanceState.Running) == replicas, $"{replicas} Running");

    public async Task<SchedulingExplanation> ExplainAsync(string name) =>
        await Client.Scheduling.ExplainAsync(name, Ct) ?? throw new InvalidOperationException($"no decision for {name}");

    /// <summary>Waits until the ledger holds a receipt of <paramref name="kind"/> on the instance's subject.</summary>
    public Task WaitForReceiptAsync(string instanceId, ReceiptKind kind) =>
        Eventually.WaitAsync(
            async () => string.Join(",", (await Client.Ledger.GetHistoryAsync(ReceiptSubjects.Instance(instanceId), Ct)).Select(r => r.Receipt.Kind)),
            kinds => kinds.Split(',').Contains(kind.ToString()), Timeout, $"a {kind} receipt for {instanceId}");

    public async ValueTask DisposeAsync()
    {
        foreach (var workload in await Client.Workloads.ListAsync(null, Ct))
        {
            await Client.Workloads.DeleteAsync(workload.Id, Ct);
        }

        await Client.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
