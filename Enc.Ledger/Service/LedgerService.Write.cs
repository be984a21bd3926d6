using Enc.Ledger.Batches;
using Enc.Ledger.Storage;

namespace Enc.Ledger.Service;

/// <summary>The last stage of an append: the store write, one batch at a time, under the write lock.</summary>
public sealed partial class LedgerService
{
    private const int MaxAppendAttempts = 4;
    private bool _reloadBeforeWrite;

    /// <summary>Batches prepared on the speculative tip and not yet written (for tests of the pipeline).</summary>
    internal int PendingAppends
    {
        get
        {
            lock (_stateLock)
            {
                return _tip.Pending.Count;
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="prepared"/> when it was built on the confirmed state; otherwise (or after a
    /// conflict) rebuilds the append against the confirmed state, leaving out receipts already stored, and
    /// rejects it when a chain link still fails. Call under <see cref="_writeLock"/>.
    /// </summary>
    private async Task<LedgerAppendResult> WriteAsync(ReceiptBatch batch, CheckedBatch checkedBatch, PreparedAppend? prepared, CancellationToken cancellationToken)
    {
        var receipts = checkedBatch.Receipts;
        IReadOnlySet<Guid>? existing = null;
        if (_reloadBeforeWrite)
        {
            await ReloadAsync(cancellationToken).ConfigureAwait(false);
            _reloadBeforeWrite = false;
        }

        for (var attempt = 0; attempt < MaxAppendAttempts; attempt++)
        {
            if (prepared is null || prepared.BaseVersion != Volatile.Read(ref _confirmedVersion))
            {
                var fresh = Enumerable.Range(0, receipts.Length).Where(i => existing is null || !existing.Contains(receipts[i].Id)).ToArray();
                if (fresh.Length == 0)
                {
                    return new LedgerAppendResult { Status = LedgerAppendStatus.AlreadyPresent, DuplicateCount = receipts.Length };
                }

                var (built, broken) = await BuildAsync(batch, checkedBatch, fresh, ConfirmedState(), cancellationToken).ConfigureAwait(false);
                if (broken is { } i)
                {
                    if (existing is null)
                    {
                        // A redelivered receipt also fails the chain check; find the redelivered ones first.
                        existing = await _store.FindExistingReceiptsAsync([.. receipts.Select(r => r.Id)], cancellationToken).ConfigureAwait(false);
                        prepared = null;
                        continue;
                    }

                    return LedgerAppendResult.Reject(LedgerRejectionReasons.ChainLinkMismatch,
                        $"receipts[{i}] ({receipts[i].Id}): previous_hash is not the hash of the latest receipt on subject '{receipts[i].Subject}'");
                }

                prepared = built!;
            }

            try
            {
                await _store.AppendAsync(prepared.Append, cancellationToken).ConfigureAwait(false);
            }
            catch (LedgerConflictException ex)
            {
                LogAppendConflict(ex.Message);
                await ReloadAsync(cancellationToken).ConfigureAwait(false);
                existing = await _store.FindExistingReceiptsAsync([.. receipts.Select(r => r.Id)], cancellationToken).ConfigureAwait(false);
                prepared = null;
                continue;
            }
            catch
            {
                // Whether the write committed is unknown: the next write first reloads the head and the chain
                // heads from the store, and every batch prepared on this one is rebuilt there.
                _reloadBeforeWrite = true;
                lock (_stateLock)
                {
                    _confirmedVersion = Interlocked.Increment(ref _lastVersion);
                    ResetTip();
                }

                throw;
            }

            Confirm(prepared);
            return new LedgerAppendResult
            {
                Status = LedgerAppendStatus.Appended,
                BatchSequence = prepared.Append.Batch.Sequence,
                FirstPosition = prepared.Append.ExpectedSize,
                AppendedCount = prepared.Append.Entries.Count,
                DuplicateCount = prepared.DuplicateCount,
            };
        }

        throw new LedgerConflictException($"The append did not succeed after {MaxAppendAttempts} attempts; another writer keeps moving the ledger.");
    }

    /// <summary>Makes a written append the confirmed state; the tip keeps the batches prepared after it.</summary>
    private void Confirm(PreparedAppend prepared)
    {
        lock (_stateLock)
        {
            _range = prepared.Range;
            _batchCount = prepared.Append.Batch.Sequence + 1;
            _confirmedVersion = prepared.Version;
            if (_subjectHeads.Count + prepared.Heads.Count > _options.SubjectHeadCacheSize)
            {
                _subjectHeads.Clear();
            }

            foreach (var (subject, head) in prepared.Heads)
            {
                _subjectHeads[subject] = head;
            }

            if (_tip.Pending.Count > 0 && ReferenceEquals(_tip.Pending[0], prepared))
            {
                _tip = _tip with { Pending = [.. _tip.Pending.Skip(1)] };
            }
            else
            {
                ResetTip();
            }
        }
    }

    /// <summary>The confirmed (durable) state with nothing pending.</summary>
    private LedgerState ConfirmedState()
    {
        lock (_stateLock)
        {
            return new LedgerState(_confirmedVersion, _range, _batchCount, []);
        }
    }

    /// <summary>Drops every speculative batch: the tip becomes the confirmed state. Call under <see cref="_stateLock"/>.</summary>
    private void ResetTip() => _tip = new LedgerState(_confirmedVersion, _range, _batchCount, []);
}
