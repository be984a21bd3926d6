using Enc.Ledger.Batches;

namespace Enc.Grains.Receipts;

/// <summary>
/// One signed batch sealed from a <see cref="ReceiptOutbox"/> (<see cref="ReceiptOutbox.SealBatches"/>), with each
/// receipt's id and receipt hash in batch order: the hashes were computed once, while sealing, and serve both as the
/// batch's Merkle leaves and, after the ledger accepts the batch, as the outbox's new chain heads.
/// </summary>
public sealed record SealedReceiptBatch(ReceiptBatch Batch, IReadOnlyList<Guid> Ids, IReadOnlyList<byte[]> Hashes);
