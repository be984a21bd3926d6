using Enc.Grains.Interfaces.Ledger;

namespace Enc.Grains.Receipts;

/// <summary>
/// Implemented by every grain that records receipts through a <see cref="ReceiptEmitter"/>: the ledger tells
/// it what became of a batch its outbox published (forward to <see cref="ReceiptEmitter.OnSettledAsync"/>).
/// </summary>
[Alias("Enc.Receipts.IReceiptEmitterGrain")]
public interface IReceiptEmitterGrain : IGrain
{
    /// <summary>The ledger's outcome for a batch this grain published. One-way: the ledger never waits for emitters.</summary>
    [Alias("OnReceiptsSettled")]
    [Orleans.Concurrency.OneWay]
    Task OnReceiptsSettledAsync(LedgerAppendOutcome outcome);
}
