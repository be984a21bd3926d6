using Enc.Crypto.Merkle;
using Enc.Ledger.Batches;
using Enc.Ledger.Storage;

namespace Enc.Ledger.Service;

/// <summary>The second stage of an append: chain links and tree positions on top of a ledger state.</summary>
public sealed partial class LedgerService
{
    /// <summary>
    /// Prepares a checked batch on the speculative tip (the confirmed state plus batches not yet written).
    /// Returns null when the batch cannot be prepared there as a plain append: a chain link does not match,
    /// which a redelivery or a rejection decides only against durable state, at the batch's write.
    /// </summary>
    private async Task<PreparedAppend?> PrepareOnTipAsync(ReceiptBatch batch, CheckedBatch checkedBatch, CancellationToken cancellationToken)
    {
        LedgerState basis;
        lock (_stateLock)
        {
            basis = _tip;
        }

        var all = Enumerable.Range(0, checkedBatch.Receipts.Length).ToArray();
        var (prepared, broken) = await BuildAsync(batch, checkedBatch, all, basis, cancellationToken).ConfigureAwait(false);
        if (broken is not null)
        {
            return null;
        }

        lock (_stateLock)
        {
            if (_tip.Version != basis.Version)
            {
                return null; // the tip was reset meanwhile (a failed write or a reload)
            }

            _tip = prepared!.After(basis);
        }

        return prepared;
    }

    /// <summary>
    /// Checks each fresh receipt's previous hash against its subject's head in <paramref name="basis"/> and
    /// builds the entries, tree nodes and batch row; returns the first broken index instead when a link fails.
    /// </summary>
    private async Task<(PreparedAppend? Prepared, int? Broken)> BuildAsync(ReceiptBatch batch, CheckedBatch checkedBatch, int[] fresh, LedgerState basis, CancellationToken cancellationToken)
    {
        var receipts = checkedBatch.Receipts;
        var known = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var missing = new HashSet<string>(StringComparer.Ordinal);
        lock (_stateLock)
        {
            foreach (var i in fresh)
            {
                var subject = receipts[i].Subject;
                if (!known.ContainsKey(subject) && !missing.Contains(subject))
                {
                    if (KnownHead(basis, subject) is { } head)
                    {
                        known[subject] = head;
                    }
                    else
                    {
                        missing.Add(subject);
                    }
                }
            }
        }

        // One query for every subject neither the pending batches nor the cache know.
        var stored = missing.Count == 0
            ? new Dictionary<string, byte[]>()
            : await _store.GetSubjectHeadsAsync(missing, cancellationToken).ConfigureAwait(false);
        var heads = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var i in fresh)
        {
            var subject = receipts[i].Subject;
            var expected = heads.GetValueOrDefault(subject) ?? known.GetValueOrDefault(subject) ?? stored.GetValueOrDefault(subject) ?? NoPrevious;
            if (!receipts[i].PreviousHash.SequenceEqual(expected))
            {
                return (null, i);
            }

            heads[subject] = checkedBatch.LeafHashes.AsSpan(i * MerkleHasher.HashSize, MerkleHasher.HashSize).ToArray();
        }

        var size = basis.Range.Size;
        var range = CompactMerkleRange.Restore(size, basis.Range.Hashes);
        var nodes = new List<StoredMerkleNode>();
        MerkleNodeVisitor keepNode = (id, hash) =>
        {
            if (id.Level >= LedgerTreeLayout.MinStoredLevel)
            {
                nodes.Add(new StoredMerkleNode(id, hash.ToArray()));
            }
        };
        var entries = new StoredEntry[fresh.Length];
        for (var n = 0; n < fresh.Length; n++)
        {
            var index = fresh[n];
            var leafHash = checkedBatch.LeafHashes.AsSpan(index * MerkleHasher.HashSize, MerkleHasher.HashSize).ToArray();
            entries[n] = new StoredEntry
            {
                Position = size + n,
                ReceiptId = receipts[index].Id,
                BatchSequence = basis.BatchCount,
                BatchIndex = index,
                Subject = receipts[index].Subject,
                Kind = receipts[index].Kind,
                LeafHash = leafHash,
                Encoding = batch.Receipts[index],
            };
            range.Append(leafHash, keepNode);
        }

        var prepared = new PreparedAppend
        {
            BaseVersion = basis.Version,
            Version = Interlocked.Increment(ref _lastVersion),
            Range = range,
            Heads = heads,
            DuplicateCount = receipts.Length - fresh.Length,
            Append = new LedgerAppend
            {
                ExpectedSize = size,
                Entries = entries,
                Nodes = nodes,
                Batch = new StoredBatch
                {
                    Sequence = basis.BatchCount,
                    SignerPublicKey = batch.SignerPublicKey,
                    LeafHashes = checkedBatch.LeafHashes,
                    Root = checkedBatch.Root,
                    Signature = batch.Signature,
                    AppendedAtMilliseconds = _time.GetUtcNow().ToUnixTimeMilliseconds(),
                },
            },
        };
        return (prepared, null);
    }

    /// <summary>The subject's head in <paramref name="basis"/> from its pending batches (newest first) or the confirmed cache; null when only the store knows.</summary>
    private byte[]? KnownHead(LedgerState basis, string subject)
    {
        for (var p = basis.Pending.Count - 1; p >= 0; p--)
        {
            if (basis.Pending[p].Heads.TryGetValue(subject, out var head))
            {
                return head;
            }
        }

        return _subjectHeads.GetValueOrDefault(subject);
    }
}
