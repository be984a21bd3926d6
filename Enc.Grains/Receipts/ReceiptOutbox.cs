using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;

namespace Enc.Grains.Receipts;

/// <summary>
/// The receipts a grain recorded and the ledger has not yet confirmed, plus the hash of the latest confirmed
/// receipt on each of the grain's subjects (the per-subject chain). Lives inside the grain's persisted state,
/// so recording a receipt and the state change it records are one write. Plain logic, no Orleans calls.
/// </summary>
[GenerateSerializer]
[Alias("Enc.Receipts.ReceiptOutbox")]
public sealed class ReceiptOutbox
{
    /// <summary>Most chain heads kept; when exceeded the heads are dropped and re-read from the ledger on the next mismatch.</summary>
    public const int MaxChainHeads = 1024;

    /// <summary>Receipts not yet confirmed, in the order they were recorded.</summary>
    [Id(0)] public List<PendingReceipt> Pending { get; set; } = [];

    /// <summary>Receipt hash of the latest confirmed receipt per subject.</summary>
    [Id(1)] public Dictionary<string, byte[]> ChainHeads { get; set; } = new(StringComparer.Ordinal);

    /// <summary>True when receipts await confirmation.</summary>
    public bool HasPending => Pending.Count > 0;

    /// <summary>Records a receipt.</summary>
    public void Add(PendingReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        Pending.Add(receipt);
    }

    /// <summary>
    /// Builds the pending receipts (at most <paramref name="max"/>, oldest first), chained per subject from the
    /// confirmed heads and naming <paramref name="signerPublicKey"/>. Deterministic: sealing the same outbox
    /// with the same key gives the same bytes.
    /// </summary>
    public IReadOnlyList<Receipt> Seal(byte[] signerPublicKey, int max = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(signerPublicKey);
        var heads = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var sealedReceipts = new List<Receipt>(Math.Min(Pending.Count, max));
        foreach (var pending in Pending.Take(max))
        {
            var previous = ChainLink(heads, pending.Subject);
            var receipt = pending.ToReceipt(previous, signerPublicKey);
            heads[pending.Subject] = ReceiptEncoding.Hash(ReceiptEncoding.Encode(receipt));
            sealedReceipts.Add(receipt);
        }

        return sealedReceipts;
    }

    /// <summary>
    /// Seals the pending receipts (oldest first) exactly as <see cref="Seal"/> does and signs them with
    /// <paramref name="signer"/> in batches of at most <paramref name="maxBatchSize"/>, encoding and hashing each
    /// receipt once (<see cref="ReceiptBatchBuilder"/>): its hash is the next receipt's chain link, its batch leaf,
    /// and what <see cref="Confirm(IReadOnlyDictionary{Guid, byte[]})"/> later makes the subject's head. Receipts in
    /// <paramref name="exclude"/> (already sent) stay out of the batches but still link the chain: their hash is taken
    /// from <paramref name="knownHashes"/> (hashes this outbox returned earlier, while its heads have not been reset)
    /// or computed.
    /// </summary>
    public IReadOnlyList<SealedReceiptBatch> SealBatches(
        IBatchSigner signer, int maxBatchSize, IReadOnlySet<Guid>? exclude = null, IReadOnlyDictionary<Guid, byte[]>? knownHashes = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatchSize);
        var heads = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var batches = new List<SealedReceiptBatch>();
        ReceiptBatchBuilder? builder = null;
        List<Guid> ids = [];
        List<byte[]> hashes = [];
        foreach (var pending in Pending)
        {
            var previous = ChainLink(heads, pending.Subject);
            if (exclude is not null && exclude.Contains(pending.Id))
            {
                heads[pending.Subject] = knownHashes?.GetValueOrDefault(pending.Id)
                    ?? ReceiptEncoding.Hash(ReceiptEncoding.Encode(pending.ToReceipt(previous, signer.PublicKey)));
                continue;
            }

            builder ??= new ReceiptBatchBuilder(signer, Math.Min(maxBatchSize, Pending.Count));
            var hash = builder.Add(pending.ToReceipt(previous, signer.PublicKey)).ToArray();
            heads[pending.Subject] = hash;
            ids.Add(pending.Id);
            hashes.Add(hash);
            if (builder.Count == maxBatchSize)
            {
                batches.Add(new SealedReceiptBatch(builder.Sign(), ids, hashes));
                (builder, ids, hashes) = (null, [], []);
            }
        }

        if (builder is not null)
        {
            batches.Add(new SealedReceiptBatch(builder.Sign(), ids, hashes));
        }

        return batches;
    }

    /// <summary>
    /// Removes the confirmed receipts, given with the receipt hashes they were sealed with (see
    /// <see cref="SealBatches"/>), and moves each subject's head to its last confirmed receipt. Same result as
    /// <see cref="Confirm(IReadOnlyList{Receipt})"/> with the sealed receipts, without encoding them again. Returns
    /// true when anything changed.
    /// </summary>
    public bool Confirm(IReadOnlyDictionary<Guid, byte[]> receiptHashes)
    {
        ArgumentNullException.ThrowIfNull(receiptHashes);
        var confirmed = Pending.Where(p => receiptHashes.ContainsKey(p.Id)).ToList();
        if (confirmed.Count == 0)
        {
            return false;
        }

        Pending.RemoveAll(p => receiptHashes.ContainsKey(p.Id));
        if (ChainHeads.Count + confirmed.Count > MaxChainHeads)
        {
            ChainHeads.Clear();
        }

        foreach (var receipt in confirmed)
        {
            ChainHeads[receipt.Subject] = receiptHashes[receipt.Id];
        }

        return true;
    }

    /// <summary>
    /// Removes the receipts the ledger confirmed (ids of an accepted batch sealed from this outbox) and moves
    /// each subject's head to the last confirmed receipt. Returns true when anything changed.
    /// </summary>
    public bool Confirm(IReadOnlyList<Receipt> confirmed)
    {
        ArgumentNullException.ThrowIfNull(confirmed);
        var hashes = new Dictionary<Guid, byte[]>(confirmed.Count);
        foreach (var receipt in confirmed)
        {
            hashes[receipt.Id] = ReceiptEncoding.Hash(ReceiptEncoding.Encode(receipt));
        }

        return Confirm(hashes);
    }

    // The hash a new receipt on the subject links to: the last one sealed in this pass, else the confirmed head,
    // else zeros (the subject's first receipt).
    private byte[] ChainLink(Dictionary<string, byte[]> sealedHeads, string subject) =>
        sealedHeads.GetValueOrDefault(subject) ?? ChainHeads.GetValueOrDefault(subject) ?? new byte[ReceiptEncoding.HashSize];

    /// <summary>Replaces the chain heads of <paramref name="subjects"/> with the ledger's (absent = first receipt on the subject).</summary>
    public void ResetHeads(IEnumerable<string> subjects, IReadOnlyDictionary<string, byte[]> ledgerHeads)
    {
        foreach (var subject in subjects)
        {
            if (ledgerHeads.TryGetValue(subject, out var head))
            {
                ChainHeads[subject] = head;
            }
            else
            {
                ChainHeads.Remove(subject);
            }
        }
    }
}
