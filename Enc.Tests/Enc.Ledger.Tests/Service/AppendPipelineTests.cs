using Enc.Ledger.Batches;
using Enc.Ledger.Service;
using Enc.Ledger.Storage;
using Enc.Ledger.Tests.Infrastructure;

namespace Enc.Ledger.Tests.Service;

/// <summary>
/// The append pipeline: batch N+1 is prepared on top of batch N while N is being written. These tests hold a
/// write at a gate until the next batch is prepared, then let the write succeed or fail, and check that the
/// ledger ends exactly as if the batches had been appended one after another.
/// </summary>
public sealed class AppendPipelineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ABatchPreparedOnAWriteThatSucceedsIsWrittenAsPrepared()
    {
        var store = new FaultInjectingLedgerStore(new InMemoryLedgerStore());
        using var h = await LedgerHarness.StartAsync(store);
        var first = h.Worker.Sign(h.Worker.EmitMany(30, subjects: 5));
        var second = h.Worker.Sign(h.Worker.EmitMany(30, subjects: 5));

        var gate = store.HoldNextAppend();
        var firstAppend = h.Service.AppendAsync(first);
        var secondAppend = h.Service.AppendAsync(second);
        await WaitForPendingAsync(h.Service, 2);
        gate.SetResult();

        Assert.Equal(0L, (await firstAppend).FirstPosition);
        Assert.Equal(30L, (await secondAppend).FirstPosition);
        Assert.Equal(2, store.Appends);
        Assert.Equal(0, h.Service.PendingAppends);
        Assert.True((await h.Service.VerifyAllAsync()).IsValid);
    }

    [Fact]
    public async Task WhenAWriteFailsBeforeCommitBatchesPreparedOnItAreRebuiltFromDurableState()
    {
        var store = new FaultInjectingLedgerStore(new InMemoryLedgerStore());
        using var h = await LedgerHarness.StartAsync(store);
        await h.AppendAsync(10, subjects: 2);
        var lost = h.Worker.Sign(h.Worker.EmitMany(20, subjects: 2, prefix: "workload/a"));
        var chainedOnLost = h.Worker.Sign(h.Worker.EmitMany(20, subjects: 2, prefix: "workload/a"));
        var independent = h.Worker.Sign(h.Worker.EmitMany(20, subjects: 2, prefix: "workload/b"));

        var gate = store.HoldNextAppend(AppendFault.FailBeforeCommit);
        var lostAppend = h.Service.AppendAsync(lost);
        var chainedAppend = h.Service.AppendAsync(chainedOnLost);
        var independentAppend = h.Service.AppendAsync(independent);
        await WaitForPendingAsync(h.Service, 3);
        gate.SetResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => lostAppend);
        var chained = await chainedAppend;
        Assert.Equal(LedgerAppendStatus.Rejected, chained.Status);
        Assert.Equal(LedgerRejectionReasons.ChainLinkMismatch, chained.Reason);
        var appended = await independentAppend;
        Assert.Equal(LedgerAppendStatus.Appended, appended.Status);
        Assert.Equal(10L, appended.FirstPosition);
        Assert.Equal(1L, appended.BatchSequence);
        Assert.Equal(30L, h.Service.Size);
        Assert.Equal(30L, await store.GetSizeAsync());
        Assert.True((await h.Service.VerifyAllAsync()).IsValid);

        // The lost batch can be delivered again and the one chained on it then goes through.
        Assert.Equal(LedgerAppendStatus.Appended, (await h.Service.AppendAsync(lost)).Status);
        Assert.Equal(LedgerAppendStatus.Appended, (await h.Service.AppendAsync(chainedOnLost)).Status);
        Assert.True((await h.Service.VerifyAllAsync()).IsValid);
    }

    [Fact]
    public async Task WhenAWriteFailsAfterCommitTheNextBatchesSeeWhatWasStored()
    {
        var store = new FaultInjectingLedgerStore(new InMemoryLedgerStore());
        using var h = await LedgerHarness.StartAsync(store);
        await h.AppendAsync(10, subjects: 3); // the chain heads of these subjects are cached
        var committed = h.Worker.Sign(h.Worker.EmitMany(20, subjects: 3));
        var chained = h.Worker.Sign(h.Worker.EmitMany(20, subjects: 3));

        var gate = store.HoldNextAppend(AppendFault.FailAfterCommit);
        var committedAppend = h.Service.AppendAsync(committed);
        var chainedAppend = h.Service.AppendAsync(chained);
        await WaitForPendingAsync(h.Service, 2);
        gate.SetResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => committedAppend);
        var result = await chainedAppend;
        Assert.Equal(LedgerAppendStatus.Appended, result.Status);
        Assert.Equal(30L, result.FirstPosition);
        Assert.Equal(LedgerAppendStatus.AlreadyPresent, (await h.Service.AppendAsync(committed)).Status);
        Assert.Equal(50L, h.Service.Size);
        Assert.True((await h.Service.VerifyAllAsync()).IsValid);
    }

    [Fact]
    public async Task ABatchRedeliveredWhileItsFirstDeliveryIsBeingWrittenIsNotDuplicated()
    {
        var store = new FaultInjectingLedgerStore(new InMemoryLedgerStore());
        using var h = await LedgerHarness.StartAsync(store);
        var batch = h.Worker.Sign(h.Worker.EmitMany(25, subjects: 4));

        var gate = store.HoldNextAppend();
        var first = h.Service.AppendAsync(batch);
        var again = h.Service.AppendAsync(batch);
        await WaitForPendingAsync(h.Service, 1);
        gate.SetResult();

        Assert.Equal(LedgerAppendStatus.Appended, (await first).Status);
        Assert.Equal(LedgerAppendStatus.AlreadyPresent, (await again).Status);
        Assert.Equal(25L, await store.GetSizeAsync());
    }

    internal static async Task WaitForPendingAsync(LedgerService service, int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (service.PendingAppends < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{count} batches were not prepared within {Patience}");
            await Task.Delay(5);
        }
    }
}
