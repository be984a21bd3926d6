using Enc.Client;
using Enc.Client.Ledger;
using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Ledger.Options;
using Enc.Grains.Nodes.Options;
using Enc.Grains.Receipts;
using Enc.Ledger.Receipts;
using Microsoft.Extensions.DependencyInjection;

namespace Enc.Cluster.Tests.Ledger;

/// <summary>
/// Receipts from real grain operations on an in-process development cluster (real processes as instances):
/// every operation kind yields exactly one receipt on the right subject, chained per subject, signed by the
/// acting node's key and provable against a signed head.
/// </summary>
public sealed class ReceiptFlowTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryOperationKindYieldsExactlyOneChainedSignedReceipt()
    {
        await using var cluster = await StartAsync();
        await using var client = await cluster.ConnectClientAsync();
        Enc.Grains.Interfaces.Receipts.ReceiptActorContext.Set("client/test"); // what EncClient's call filter does
        var silo = cluster.Cluster.Silos[0];
        var identity = cluster.Service<NodeIdentity>(silo);
        var nodeName = identity.NodeName;

        // Node: joined, status changed (Ready) at start; left on MarkLeaving.
        var node = (await client.Nodes.GetAsync(nodeName, Ct))!;
        Assert.Equal(Convert.ToHexStringLower(identity.PublicKey), node.PublicKey);

        // Workload: submitted, scheduled, started; updated (rolling: new instance scheduled + started, old exits).
        await client.Workloads.SubmitAsync(Spec("sleep 3600"), Ct);
        var first = await WaitAsync(client, w => w.Instances.Any(i => i.State == InstanceState.Running));
        var firstInstance = first.Instances.Single().InstanceId;
        await client.Workloads.ApplyAsync(Spec("sleep 3601"), Ct);
        var updated = await WaitAsync(client, w => w.Instances.Any(i => i.SpecVersion == 2 && i.State == InstanceState.Running)
            && w.Instances.Single(i => i.InstanceId == firstInstance).State == InstanceState.Stopped);
        var second = updated.Instances.Single(i => i.SpecVersion == 2).InstanceId;

        // Rescheduled: the node is reported lost; the instance moves (here back to the only node).
        await cluster.Grains.GetGrain<IWorkloadGrain>("default/rcpt").EvacuateNodesAsync([nodeName]);
        var moved = await WaitAsync(client, w => w.Instances.Any(i => i.State == InstanceState.Running && i.InstanceId != second && i.InstanceId != firstInstance));
        var third = moved.Instances.Single(i => i.State == InstanceState.Running).InstanceId;

        Assert.True(await client.Workloads.StopAsync("rcpt", Ct));
        Assert.True(await client.Workloads.DeleteAsync("rcpt", Ct));
        await cluster.Grains.GetGrain<INodeGrain>(nodeName).MarkLeavingAsync();

        var workload = await HistoryAsync(client, "workload/default/rcpt", 4);
        Assert.Equal([ReceiptKind.WorkloadSubmitted, ReceiptKind.WorkloadUpdated, ReceiptKind.WorkloadStopped, ReceiptKind.WorkloadDeleted],
            workload.Select(r => r.Receipt.Kind));
        Assert.Equal("client/test", workload[0].Receipt.Actor);
        Assert.Equal([ReceiptKind.InstanceScheduled, ReceiptKind.InstanceStarted, ReceiptKind.InstanceExited],
            (await HistoryAsync(client, ReceiptSubjects.Instance(firstInstance), 3)).Select(r => r.Receipt.Kind));
        Assert.Equal([ReceiptKind.InstanceScheduled, ReceiptKind.InstanceStarted, ReceiptKind.InstanceRescheduled],
            (await HistoryAsync(client, ReceiptSubjects.Instance(second), 3)).Select(r => r.Receipt.Kind));
        var thirdHistory = await HistoryAsync(client, ReceiptSubjects.Instance(third), 3);
        Assert.Equal([ReceiptKind.InstanceScheduled, ReceiptKind.InstanceStarted, ReceiptKind.InstanceExited], thirdHistory.Select(r => r.Receipt.Kind));
        Assert.Equal(ReceiptSubjects.Node(nodeName), thirdHistory[1].Receipt.Actor); // observed by the node's agent
        var nodeHistory = await HistoryAsync(client, ReceiptSubjects.Node(nodeName), 3);
        Assert.Equal([ReceiptKind.NodeJoined, ReceiptKind.NodeStatusChanged, ReceiptKind.NodeLeft], nodeHistory.Select(r => r.Receipt.Kind));

        var verifier = new ReceiptVerifier([identity.PublicKey]);
        var head = await client.Ledger.GetHeadAsync(Ct);
        foreach (var history in new[] { workload, nodeHistory, thirdHistory })
        {
            AssertChained(history, identity.PublicKey);
            foreach (var record in history)
            {
                var proof = (await client.Ledger.GetReceiptAsync(record.Receipt.Id, Ct))!;
                var trusted = proof.Checkpoint.Size == head.Size ? head : proof.Checkpoint.ToCheckpoint();
                Assert.True(verifier.VerifyReceipt(proof, trusted).IsValid, verifier.VerifyReceipt(proof, trusted).ToString());
            }
        }

        var audit = await client.Ledger.VerifyAsync(Ct);
        Assert.True(audit.IsValid, audit.Detail);
    }

    /// <summary>Each receipt links to the hash of the one before it on the subject; the first links to zeros.</summary>
    internal static void AssertChained(IReadOnlyList<LedgerRecord> history, byte[] signer)
    {
        var previous = new byte[ReceiptEncoding.HashSize];
        foreach (var record in history)
        {
            Assert.Equal(previous, record.Receipt.PreviousHash);
            Assert.Equal(signer, record.Receipt.SignerPublicKey);
            previous = record.Hash;
        }
    }

    private static async Task<IReadOnlyList<LedgerRecord>> HistoryAsync(EncClient client, string subject, int count)
    {
        await Eventually.WaitAsync(async () => string.Join(",", (await client.Ledger.GetHistoryAsync(subject, Ct)).Select(r => r.Receipt.Kind)),
            h => h.Split(',', StringSplitOptions.RemoveEmptyEntries).Length >= count, Timeout, $"{count} receipts on {subject}");
        await Task.Delay(300, Ct); // a duplicate would arrive right behind
        var history = await client.Ledger.GetHistoryAsync(subject, Ct);
        Assert.Equal(count, history.Count);
        Assert.Equal(history.Count, history.Select(r => r.Receipt.Id).Distinct().Count());
        return history;
    }

    private static WorkloadSpec Spec(string command) => WorkloadSpecLoader.ParseOrThrow($$"""
        name: rcpt
        driver: process
        command: ["/bin/sh", "-c", "{{command}}"]
        resources: { cpu: 100m, memory: 16Mi }
        stopGracePeriod: 1s
        """);

    private static Task<WorkloadSnapshot> WaitAsync(EncClient client, Func<WorkloadSnapshot, bool> done) =>
        Eventually.WaitAsync(async () => (await client.Workloads.GetAsync("rcpt", Ct))!, done, Timeout, "workload rcpt");

    private static async Task<DevTestCluster> StartAsync()
    {
        var cluster = await DevTestCluster.StartAsync(1, configure: silo =>
        {
            silo.Services.Configure<EncNodeOptions>(o => o.HeartbeatInterval = TimeSpan.FromMilliseconds(500));
            silo.Services.Configure<EncLedgerOptions>(o =>
            {
                o.RetryInterval = TimeSpan.FromSeconds(1);
                o.CheckpointInterval = TimeSpan.FromMilliseconds(500);
            });
        });
        return cluster;
    }
}
