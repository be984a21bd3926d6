using Enc.Crypto.Merkle;
using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;
using Enc.Ledger.Storage;
using Enc.Ledger.Verification;

namespace Enc.Ledger.Service;

/// <summary>Checkpoints, lookups, proofs and full verification.</summary>
public sealed partial class LedgerService
{
    /// <summary>Signs and stores a checkpoint of the current head, unless the latest checkpoint already covers it.</summary>
    public async Task<SignedCheckpoint> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        EnsureInitialized();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_checkpointedSize == _range.Size && await _store.GetLatestCheckpointAsync(cancellationToken).ConfigureAwait(false) is { } latest
                && latest.Size == _range.Size)
            {
                return latest;
            }

            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var checkpoint = SignedCheckpoint.Sign(_checkpointSigner, _range.Size, _range.Root(), now);
            await _store.AppendCheckpointAsync(checkpoint, cancellationToken).ConfigureAwait(false);
            (_checkpointedSize, _checkpointedAtMs) = (checkpoint.Size, now);
            LogCheckpoint(checkpoint.Size);
            return await _store.GetLatestCheckpointAsync(cancellationToken).ConfigureAwait(false) ?? checkpoint;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Signs a checkpoint when entries were added since the last one and <see cref="LedgerOptions.CheckpointInterval"/> has passed (call from a timer).</summary>
    /// <returns>The new checkpoint, or null when none was due.</returns>
    public async Task<SignedCheckpoint?> CheckpointIfDueAsync(CancellationToken cancellationToken = default)
    {
        EnsureInitialized();
        var due = _range.Size != _checkpointedSize
            && _time.GetUtcNow().ToUnixTimeMilliseconds() - _checkpointedAtMs >= (long)_options.CheckpointInterval.TotalMilliseconds;
        return due ? await CheckpointAsync(cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>The latest signed head (signing one first if the ledger has none).</summary>
    public async Task<SignedCheckpoint> GetHeadAsync(CancellationToken cancellationToken = default) =>
        await _store.GetLatestCheckpointAsync(cancellationToken).ConfigureAwait(false) ?? await CheckpointAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The receipt <paramref name="receiptId"/> with everything needed to verify it offline, against the latest
    /// checkpoint (one is signed first when the receipt is newer than every checkpoint); null if unknown.
    /// </summary>
    public async Task<ReceiptProof?> GetReceiptAsync(Guid receiptId, CancellationToken cancellationToken = default)
    {
        EnsureInitialized();
        var entry = await _store.GetEntryAsync(receiptId, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return null;
        }

        var head = await GetHeadAsync(cancellationToken).ConfigureAwait(false);
        if (head.Size <= entry.Position)
        {
            head = await CheckpointAsync(cancellationToken).ConfigureAwait(false);
        }

        var batch = await _store.GetBatchAsync(entry.BatchSequence, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"Batch {entry.BatchSequence} of entry {entry.Position} is missing from the store.");
        return new ReceiptProof
        {
            Encoding = entry.Encoding,
            BatchSignerPublicKey = batch.SignerPublicKey,
            BatchSize = batch.Count,
            BatchIndex = entry.BatchIndex,
            BatchPath = BatchPath(batch, entry.BatchIndex),
            BatchSignature = batch.Signature,
            Position = entry.Position,
            LedgerPath = await Proofs.InclusionProofAsync(entry.Position, head.Size, cancellationToken).ConfigureAwait(false),
            Checkpoint = head,
        };
    }

    /// <summary>The receipts on <paramref name="subject"/> after position <paramref name="afterPosition"/>, oldest first (at most <paramref name="limit"/>).</summary>
    public Task<IReadOnlyList<StoredEntry>> GetHistoryAsync(string subject, long afterPosition = -1, int limit = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _store.GetSubjectHistoryAsync(subject, afterPosition, limit, cancellationToken);
    }

    /// <summary>The receipt hash of the latest receipt on each of <paramref name="subjects"/> that has one (what the next receipt on it must link to).</summary>
    public Task<IReadOnlyDictionary<string, byte[]>> GetSubjectHeadsAsync(IReadOnlyCollection<string> subjects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        return _store.GetSubjectHeadsAsync(subjects, cancellationToken);
    }

    /// <summary>Every registered signer (node id, public key, proof of possession).</summary>
    public Task<IReadOnlyList<SignerRegistration>> GetSignersAsync(CancellationToken cancellationToken = default) =>
        _store.GetSignersAsync(cancellationToken);

    /// <summary>The RFC 9162 consistency proof between ledger sizes <paramref name="fromSize"/> and <paramref name="toSize"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The sizes are not 0 ≤ from ≤ to ≤ current size.</exception>
    public async Task<byte[][]> GetConsistencyProofAsync(long fromSize, long toSize, CancellationToken cancellationToken = default)
    {
        EnsureInitialized();
        ArgumentOutOfRangeException.ThrowIfGreaterThan(toSize, _range.Size);
        return await Proofs.ConsistencyProofAsync(fromSize, toSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ledger tree head at an earlier (or the current) size.</summary>
    public async Task<byte[]> GetRootAsync(long treeSize, CancellationToken cancellationToken = default)
    {
        EnsureInitialized();
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treeSize, _range.Size);
        return await Proofs.RootAsync(treeSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Re-hashes and re-verifies the whole ledger (see <see cref="LedgerAuditor"/>).</summary>
    public Task<LedgerAuditReport> VerifyAllAsync(CancellationToken cancellationToken = default) =>
        new LedgerAuditor(_store, _verifier).VerifyAsync(cancellationToken);

    private static byte[][] BatchPath(StoredBatch batch, int index)
    {
        var tree = new InMemoryMerkleNodeStore();
        for (var i = 0; i < batch.Count; i++)
        {
            tree.Append(batch.LeafHashes.AsSpan(i * MerkleHasher.HashSize, MerkleHasher.HashSize));
        }

        return tree.InclusionProof(index, batch.Count);
    }
}
