using Enc.Ledger.Batches;
using Enc.Ledger.Service;
using Enc.Ledger.Storage;
using Enc.Ledger.Tests.Infrastructure;

namespace Enc.Ledger.Tests.Service;

/// <summary>
/// Randomized cross-check of the pipelined append against the simple one: the same random mix of valid,
/// redelivered, forked (broken chain) and wrongly signed batches is appended all at once to one ledger and one
/// at a time (each awaited before the next) to another; results, entries and tree heads must be identical.
/// </summary>
public sealed class AppendPipelineCrossCheckTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task PipelinedAppendsEndExactlyAsSequentialAppends(int seed)
    {
        var batches = Script(seed, 30);
        var slowStore = new FaultInjectingLedgerStore(new InMemoryLedgerStore()) { WriteDelay = TimeSpan.FromMilliseconds(5) };
        using var pipelined = await LedgerHarness.StartAsync(slowStore);
        using var sequential = await LedgerHarness.StartAsync(new InMemoryLedgerStore());

        // The first write waits until later batches were prepared on top of it.
        var gate = slowStore.HoldNextAppend();
        var calls = batches.Select(b => pipelined.Service.AppendAsync(b)).ToList();
        await AppendPipelineTests.WaitForPendingAsync(pipelined.Service, 2);
        gate.SetResult();
        var concurrent = await Task.WhenAll(calls);
        var oneByOne = new List<LedgerAppendResult>();
        foreach (var batch in batches)
        {
            oneByOne.Add(await sequential.Service.AppendAsync(batch));
        }

        Assert.Equal(oneByOne.Select(Outcome), concurrent.Select(Outcome));
        Assert.Contains(oneByOne, r => r.Status == LedgerAppendStatus.Appended);
        Assert.Contains(oneByOne, r => r.Status == LedgerAppendStatus.Rejected);
        Assert.Equal(await EntriesAsync(sequential.Store), await EntriesAsync(pipelined.Store));
        Assert.Equal(await sequential.Service.GetRootAsync(sequential.Service.Size), await pipelined.Service.GetRootAsync(pipelined.Service.Size));
        Assert.True((await pipelined.Service.VerifyAllAsync()).IsValid);
    }

    /// <summary>Fresh batches from the worker, redeliveries, batches from a second emitter with the worker's key but its own chain view (forks), and batches with another batch's signature.</summary>
    private static List<ReceiptBatch> Script(int seed, int count)
    {
        var random = new Random(seed);
        using var worker = new TestNode("worker-1");
        using var forker = new TestNode("worker-1");
        var batches = new List<ReceiptBatch>();
        for (var i = 0; i < count; i++)
        {
            var prefix = random.Next(3) switch { 0 => "workload/a", 1 => "workload/b", _ => "instance/c" };
            var size = random.Next(1, 40);
            var subjects = random.Next(1, 6);
            switch (random.Next(10))
            {
                case < 5:
                    batches.Add(worker.Sign(worker.EmitMany(size, subjects, prefix)));
                    break;
                case < 7 when batches.Count > 0:
                    batches.Add(batches[random.Next(batches.Count)]);
                    break;
                case < 8:
                    batches.Add(forker.Sign(forker.EmitMany(size, subjects, prefix)));
                    break;
                default:
                    var valid = worker.Sign(worker.EmitMany(size, subjects, prefix));
                    var other = worker.Sign(worker.EmitMany(1, 1, "node/other"));
                    batches.Add(new ReceiptBatch { SignerPublicKey = valid.SignerPublicKey, Receipts = valid.Receipts, Signature = other.Signature });
                    break;
            }
        }

        return batches;
    }

    private static string Outcome(LedgerAppendResult r) =>
        $"{r.Status} {r.Reason} seq={r.BatchSequence} first={r.FirstPosition} appended={r.AppendedCount} duplicates={r.DuplicateCount}";

    private static async Task<List<string>> EntriesAsync(ILedgerStore store)
    {
        var entries = new List<string>();
        await foreach (var e in store.ReadEntriesAsync(0))
        {
            entries.Add($"{e.Position} {e.ReceiptId} {e.BatchSequence}/{e.BatchIndex} {e.Subject} {Convert.ToHexStringLower(e.LeafHash)}");
        }

        return entries;
    }
}
