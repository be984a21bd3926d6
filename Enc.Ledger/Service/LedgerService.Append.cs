using Enc.Crypto.Merkle;
using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;
using Enc.Ledger.Storage;

namespace Enc.Ledger.Service;

/// <summary>Batch verification and the append itself.</summary>
public sealed partial class LedgerService
{
    private const int ParallelThreshold = 256;
    private const int MaxAppendAttempts = 4;

    private async Task<CheckedBatch> CheckBatchAsync(ReceiptBatch batch, CancellationToken cancellationToken)
    {
        var count = batch.Receipts?.Count ?? 0;
        if (count == 0)
        {
            return CheckedBatch.Rejected(LedgerRejectionReasons.EmptyBatch, "the batch holds no receipts");
        }

        if (count > _options.MaxBatchSize)
        {
            return CheckedBatch.Rejected(LedgerRejectionReasons.BatchTooLarge, $"{count} receipts; at most {_options.MaxBatchSize} are accepted");
        }

        if (!await IsRegisteredAsync(batch.SignerPublicKey, cancellationToken).ConfigureAwait(false))
        {
            return CheckedBatch.Rejected(LedgerRejectionReasons.UnregisteredSigner,
                $"signer {Convert.ToHexStringLower(batch.SignerPublicKey ?? [])} is not registered with the ledger");
        }

        var receipts = new Receipt[count];
        var leafHashes = new byte[count * MerkleHasher.HashSize];
        var errors = new string?[count];
        void Check(int i)
        {
            try
            {
                receipts[i] = ReceiptEncoding.Decode(batch.Receipts![i]);
                MerkleHasher.LeafHash(batch.Receipts[i], leafHashes.AsSpan(i * MerkleHasher.HashSize, MerkleHasher.HashSize));
            }
            catch (ReceiptFormatException ex)
            {
                errors[i] = ex.Message;
            }
        }

        if (count >= ParallelThreshold)
        {
            Parallel.For(0, count, Check);
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                Check(i);
            }
        }

        var ids = new HashSet<Guid>();
        for (var i = 0; i < count; i++)
        {
            if (errors[i] is { } error)
            {
                return CheckedBatch.Rejected(LedgerRejectionReasons.MalformedReceipt, $"receipts[{i}]: {error}");
            }

            if (!receipts[i].SignerPublicKey.AsSpan().SequenceEqual(batch.SignerPublicKey))
            {
                return CheckedBatch.Rejected(LedgerRejectionReasons.SignerMismatch, $"receipts[{i}] ({receipts[i].Id}) names another signer than the batch");
            }

            if (!ids.Add(receipts[i].Id))
            {
                return CheckedBatch.Rejected(LedgerRejectionReasons.DuplicateReceiptInBatch, $"receipts[{i}]: id {receipts[i].Id} appears twice");
            }
        }

        var root = ReceiptBatch.ComputeRoot(leafHashes);
        if (!_verifier.Verify(batch.SignerPublicKey, LedgerSigningMessages.Batch(count, root), batch.Signature ?? []))
        {
            return CheckedBatch.Rejected(LedgerRejectionReasons.BadSignature,
                $"the signature does not verify over the root {Convert.ToHexStringLower(root)} of {count} receipts");
        }

        return new CheckedBatch(receipts, leafHashes, root, null);
    }

    private async Task<LedgerAppendResult> AppendVerifiedAsync(ReceiptBatch batch, CheckedBatch checkedBatch, CancellationToken cancellationToken)
    {
        var receipts = checkedBatch.Receipts;
        IReadOnlySet<Guid>? existing = null;
        for (var attempt = 0; attempt < MaxAppendAttempts; attempt++)
        {
            var fresh = Enumerable.Range(0, receipts.Length).Where(i => existing is null || !existing.Contains(receipts[i].Id)).ToArray();
            if (fresh.Length == 0)
            {
                return new LedgerAppendResult { Status = LedgerAppendStatus.AlreadyPresent, DuplicateCount = receipts.Length };
            }

            var (heads, broken) = await CheckChainAsync(checkedBatch, fresh, cancellationToken).ConfigureAwait(false);
            if (broken is { } i)
            {
                if (existing is null)
                {
                    // A redelivered receipt also fails the chain check; find the redelivered ones first.
                    existing = await _store.FindExistingReceiptsAsync([.. receipts.Select(r => r.Id)], cancellationToken).ConfigureAwait(false);
                    continue;
                }

                return LedgerAppendResult.Reject(LedgerRejectionReasons.ChainLinkMismatch,
                    $"receipts[{i}] ({receipts[i].Id}): previous_hash is not the hash of the latest receipt on subject '{receipts[i].Subject}'");
            }

            var size = _range.Size;
            var range = CompactMerkleRange.Restore(size, _range.Hashes);
            var nodes = new List<StoredMerkleNode>();
            var entries = new List<StoredEntry>(fresh.Length);
            foreach (var index in fresh)
            {
                var leafHash = checkedBatch.LeafHashes.AsSpan(index * MerkleHasher.HashSize, MerkleHasher.HashSize).ToArray();
                entries.Add(new StoredEntry
                {
                    Position = size + entries.Count,
                    ReceiptId = receipts[index].Id,
                    BatchSequence = _batchCount,
                    BatchIndex = index,
                    Subject = receipts[index].Subject,
                    Kind = receipts[index].Kind,
                    LeafHash = leafHash,
                    Encoding = batch.Receipts[index],
                });
                range.Append(leafHash, (id, hash) =>
                {
                    if (id.Level >= LedgerTreeLayout.MinStoredLevel)
                    {
                        nodes.Add(new StoredMerkleNode(id, hash.ToArray()));
                    }
                });
            }

            try
            {
                await _store.AppendAsync(new LedgerAppend
                {
                    ExpectedSize = size,
                    Entries = entries,
                    Nodes = nodes,
                    Batch = new StoredBatch
                    {
                        Sequence = _batchCount,
                        SignerPublicKey = batch.SignerPublicKey,
                        LeafHashes = checkedBatch.LeafHashes,
                        Root = checkedBatch.Root,
                        Signature = batch.Signature,
                        AppendedAtMilliseconds = _time.GetUtcNow().ToUnixTimeMilliseconds(),
                    },
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (LedgerConflictException ex)
            {
                LogAppendConflict(ex.Message);
                await ReloadAsync(cancellationToken).ConfigureAwait(false);
                existing = await _store.FindExistingReceiptsAsync([.. receipts.Select(r => r.Id)], cancellationToken).ConfigureAwait(false);
                continue;
            }

            _range = range;
            var sequence = _batchCount++;
            if (_subjectHeads.Count + heads.Count > _options.SubjectHeadCacheSize)
            {
                _subjectHeads.Clear();
            }

            foreach (var (subject, head) in heads)
            {
                _subjectHeads[subject] = head;
            }

            return new LedgerAppendResult
            {
                Status = LedgerAppendStatus.Appended,
                BatchSequence = sequence,
                FirstPosition = size,
                AppendedCount = fresh.Length,
                DuplicateCount = receipts.Length - fresh.Length,
            };
        }

        throw new LedgerConflictException($"The append did not succeed after {MaxAppendAttempts} attempts; another writer keeps moving the ledger.");
    }

    /// <summary>Checks each fresh receipt's previous hash against its subject's head; returns the new heads or the first broken index.</summary>
    private async Task<(Dictionary<string, byte[]> Heads, int? Broken)> CheckChainAsync(CheckedBatch checkedBatch, int[] fresh, CancellationToken cancellationToken)
    {
        var receipts = checkedBatch.Receipts;
        var missing = fresh.Select(i => receipts[i].Subject).Where(s => !_subjectHeads.ContainsKey(s)).Distinct(StringComparer.Ordinal).ToList();
        var stored = missing.Count == 0
            ? new Dictionary<string, byte[]>()
            : await _store.GetSubjectHeadsAsync(missing, cancellationToken).ConfigureAwait(false);
        var heads = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var i in fresh)
        {
            var subject = receipts[i].Subject;
            var expected = heads.GetValueOrDefault(subject) ?? _subjectHeads.GetValueOrDefault(subject) ?? stored.GetValueOrDefault(subject) ?? NoPrevious;
            if (!receipts[i].PreviousHash.AsSpan().SequenceEqual(expected))
            {
                return (heads, i);
            }

            heads[subject] = checkedBatch.LeafHashes.AsSpan(i * MerkleHasher.HashSize, MerkleHasher.HashSize).ToArray();
        }

        return (heads, null);
    }

    private async Task<bool> IsRegisteredAsync(byte[]? publicKey, CancellationToken cancellationToken)
    {
        if (publicKey is not { Length: ReceiptEncoding.PublicKeySize })
        {
            return false;
        }

        var hex = Convert.ToHexStringLower(publicKey);
        lock (_signers)
        {
            if (_signers.Contains(hex))
            {
                return true;
            }
        }

        // Another ledger process may have registered the key since this one loaded.
        var signers = await _store.GetSignersAsync(cancellationToken).ConfigureAwait(false);
        lock (_signers)
        {
            _signers.UnionWith(signers.Select(s => Convert.ToHexStringLower(s.PublicKey)));
            return _signers.Contains(hex);
        }
    }

    private sealed record CheckedBatch(Receipt[] Receipts, byte[] LeafHashes, byte[] Root, LedgerAppendResult? Rejection)
    {
        public static CheckedBatch Rejected(string reason, string detail) => new([], [], [], LedgerAppendResult.Reject(reason, detail));
    }
}
