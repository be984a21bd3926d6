using Enc.Crypto.Merkle;
using Enc.Ledger.Batches;

namespace Enc.Ledger.Storage;

/// <summary>
/// Append-only persistence of the ledger: entries, batches, interior Merkle nodes, checkpoints and signer
/// registrations. Implementations: <see cref="PostgresLedgerStore"/> (production) and
/// <see cref="InMemoryLedgerStore"/> (dev mode). Stores do no verification; <c>LedgerService</c> does.
/// </summary>
public interface ILedgerStore
{
    /// <summary>Number of entries.</summary>
    Task<long> GetSizeAsync(CancellationToken cancellationToken = default);

    /// <summary>Number of batches (the next batch's sequence number).</summary>
    Task<long> GetBatchCountAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes one batch, its new entries and nodes atomically.
    /// </summary>
    /// <exception cref="LedgerConflictException">The size is not <see cref="LedgerAppend.ExpectedSize"/>, the batch
    /// sequence is taken, or a receipt id is already stored; nothing was written.</exception>
    Task AppendAsync(LedgerAppend append, CancellationToken cancellationToken = default);

    /// <summary>Which of <paramref name="receiptIds"/> are already stored.</summary>
    Task<IReadOnlySet<Guid>> FindExistingReceiptsAsync(IReadOnlyCollection<Guid> receiptIds, CancellationToken cancellationToken = default);

    /// <summary>The leaf hash of the latest entry on each of <paramref name="subjects"/> that has one.</summary>
    Task<IReadOnlyDictionary<string, byte[]>> GetSubjectHeadsAsync(IReadOnlyCollection<string> subjects, CancellationToken cancellationToken = default);

    /// <summary>The entry holding <paramref name="receiptId"/>, or null.</summary>
    Task<StoredEntry?> GetEntryAsync(Guid receiptId, CancellationToken cancellationToken = default);

    /// <summary>Entries on <paramref name="subject"/> with position above <paramref name="afterPosition"/>, oldest first.</summary>
    Task<IReadOnlyList<StoredEntry>> GetSubjectHistoryAsync(string subject, long afterPosition, int limit, CancellationToken cancellationToken = default);

    /// <summary>The batch with sequence <paramref name="sequence"/>, or null.</summary>
    Task<StoredBatch?> GetBatchAsync(long sequence, CancellationToken cancellationToken = default);

    /// <summary>Copies the leaf hashes of positions [<paramref name="first"/>, <paramref name="first"/>+<paramref name="count"/>).</summary>
    /// <exception cref="KeyNotFoundException">A position is not stored.</exception>
    Task ReadLeafHashesAsync(long first, int count, Memory<byte> destination, CancellationToken cancellationToken = default);

    /// <summary>Copies stored interior node hashes (levels ≥ <see cref="LedgerTreeLayout.MinStoredLevel"/>).</summary>
    /// <exception cref="KeyNotFoundException">A node is not stored.</exception>
    Task ReadNodesAsync(IReadOnlyList<MerkleNodeId> ids, Memory<byte> destination, CancellationToken cancellationToken = default);

    /// <summary>Stores a checkpoint; the first checkpoint stored for a size is kept, later ones for that size are ignored.</summary>
    Task AppendCheckpointAsync(SignedCheckpoint checkpoint, CancellationToken cancellationToken = default);

    /// <summary>The checkpoint with the largest size (latest if several), or null.</summary>
    Task<SignedCheckpoint?> GetLatestCheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>Registers a signer key; false when the key was already registered (the stored registration stays).</summary>
    Task<bool> RegisterSignerAsync(SignerRegistration registration, CancellationToken cancellationToken = default);

    /// <summary>All registered signer keys.</summary>
    Task<IReadOnlyList<SignerRegistration>> GetSignersAsync(CancellationToken cancellationToken = default);

    /// <summary>Every batch in sequence order.</summary>
    IAsyncEnumerable<StoredBatch> ReadBatchesAsync(CancellationToken cancellationToken = default);

    /// <summary>Every entry from <paramref name="fromPosition"/> on, in position order.</summary>
    IAsyncEnumerable<StoredEntry> ReadEntriesAsync(long fromPosition, CancellationToken cancellationToken = default);

    /// <summary>Every stored interior node.</summary>
    IAsyncEnumerable<StoredMerkleNode> ReadAllNodesAsync(CancellationToken cancellationToken = default);

    /// <summary>Every checkpoint in size order.</summary>
    IAsyncEnumerable<SignedCheckpoint> ReadCheckpointsAsync(CancellationToken cancellationToken = default);
}
