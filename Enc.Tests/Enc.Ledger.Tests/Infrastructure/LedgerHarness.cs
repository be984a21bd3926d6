using Enc.Ledger.Batches;
using Enc.Ledger.Service;
using Enc.Ledger.Storage;
using Enc.Ledger.Verification;

namespace Enc.Ledger.Tests.Infrastructure;

/// <summary>A ledger service over a store, with a checkpoint node and one registered worker node.</summary>
internal sealed class LedgerHarness : IDisposable
{
    private LedgerHarness(ILedgerStore store, TestNode ledgerNode, TestNode worker, LedgerService service)
    {
        Store = store;
        LedgerNode = ledgerNode;
        Worker = worker;
        Service = service;
    }

    public ILedgerStore Store { get; }

    public TestNode LedgerNode { get; }

    public TestNode Worker { get; }

    public LedgerService Service { get; }

    /// <summary>A client-side verifier trusting the ledger's and the worker's keys only.</summary>
    public LedgerVerifier ClientVerifier => new([LedgerNode.PublicKey, Worker.PublicKey]);

    public static async Task<LedgerHarness> StartAsync(ILedgerStore store, TimeProvider? time = null, LedgerOptions? options = null)
    {
        var ledgerNode = new TestNode("ledger");
        var worker = new TestNode("worker-1", time);
        var service = NewService(store, ledgerNode, time, options);
        await service.InitializeAsync();
        var registered = await service.RegisterSignerAsync("worker-1", worker.PublicKey, worker.Signer.ProvePossession());
        Assert.True(registered.Accepted, registered.Reason);
        return new LedgerHarness(store, ledgerNode, worker, service);
    }

    public static LedgerService NewService(ILedgerStore store, TestNode ledgerNode, TimeProvider? time = null, LedgerOptions? options = null) =>
        new(store, BlsBatchVerifier.Shared, ledgerNode.Signer, "ledger", time, options);

    public async Task<LedgerAppendResult> AppendAsync(int count, int subjects = 7)
    {
        var result = await Service.AppendAsync(Worker.Sign(Worker.EmitMany(count, subjects)));
        Assert.Equal(LedgerAppendStatus.Appended, result.Status);
        return result;
    }

    public void Dispose()
    {
        LedgerNode.Dispose();
        Worker.Dispose();
    }
}
