using System.Diagnostics;
using System.Threading.Channels;
using Enc.Crypto.Merkle;
using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;
using Enc.Ledger.Storage;

namespace Enc.Ledger.Service;

/// <summary>
/// Re-verifies a whole ledger from its store, trusting nothing stored: every registration's proof of
/// possession, every batch's root and signature, every entry's hash, encoding, columns, batch membership and
/// chain link, every stored Merkle node, and every checkpoint's root and signature. Reports the lowest bad
/// ledger position. Hashing and signature checks run in parallel.
/// </summary>
public sealed class LedgerAuditor
{
    private const int ChunkSize = 8192;
    private readonly ILedgerStore _store;
    private readonly IBatchVerifier _verifier;

    /// <summary>Creates an auditor over <paramref name="store"/>.</summary>
    public LedgerAuditor(ILedgerStore store, IBatchVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(verifier);
        _store = store;
        _verifier = verifier;
    }

    /// <summary>Runs the verification.</summary>
    public async Task<LedgerAuditReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var findings = new AuditFindings();
        var signers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var signer in await _store.GetSignersAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_verifier.VerifyPossession(signer.PublicKey, signer.ProofOfPossession))
            {
                signers.Add(Convert.ToHexStringLower(signer.PublicKey));
            }
            else
            {
                findings.Add(0, LedgerAuditFailures.BadRegistration, $"signer of node '{signer.NodeId}' has an invalid proof of possession");
            }
        }

        var batches = new List<StoredBatch>();
        await foreach (var batch in _store.ReadBatchesAsync(cancellationToken).ConfigureAwait(false))
        {
            batches.Add(batch);
        }

        // Batch roots and signatures are verified while the entries stream past.
        var audited = new AuditBatches(batches);
        var batchCheck = Task.Run(() => audited.Verify(batch => CheckBatch(batch, signers), cancellationToken), cancellationToken);
        var checkpoints = await ReadCheckpointsAsync(cancellationToken).ConfigureAwait(false);
        var tree = new AuditTree(findings, checkpoints, _verifier, signers);
        tree.CheckCheckpointsAtCurrentSize();

        // Three stages overlap: reading a chunk from the store, checking the chunk before it in parallel, and
        // adding the one before that to the sequential tree.
        var chunks = Channel.CreateBounded<List<StoredEntry>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var checkedChunks = Channel.CreateBounded<CheckedChunk>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(() => ReadChunksAsync(chunks.Writer, stop.Token), stop.Token);
        var builder = Task.Run(async () =>
        {
            await foreach (var chunk in checkedChunks.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < chunk.Entries.Count; i++)
                {
                    tree.Append(chunk.Entries[i], chunk.Receipts[i], chunk.Hashes.AsSpan(i * MerkleHasher.HashSize, MerkleHasher.HashSize));
                }
            }
        }, cancellationToken);

        var entries = 0L;
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await checkedChunks.Writer.WriteAsync(CheckChunk(chunk, audited, findings), cancellationToken).ConfigureAwait(false);
                entries += chunk.Count;
            }
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false); // the reader may be waiting for room in the channel
            throw;
        }
        finally
        {
            checkedChunks.Writer.TryComplete();
        }

        await reader.ConfigureAwait(false);
        await builder.ConfigureAwait(false);
        await batchCheck.ConfigureAwait(false);
        audited.Report(findings);
        tree.CheckUnreachedCheckpoints();
        await foreach (var node in _store.ReadAllNodesAsync(cancellationToken).ConfigureAwait(false))
        {
            tree.CheckStoredNode(node);
        }

        var first = findings.First;
        return new LedgerAuditReport
        {
            IsValid = first is null,
            EntriesChecked = entries,
            BatchesChecked = batches.Count,
            CheckpointsChecked = checkpoints.Count,
            FirstBadPosition = first?.Position,
            Failure = first?.Failure,
            Detail = first?.Detail,
            Elapsed = clock.Elapsed,
        };
    }

    private string? CheckBatch(StoredBatch batch, HashSet<string> signers)
    {
        if (!signers.Contains(Convert.ToHexStringLower(batch.SignerPublicKey)))
        {
            return "signer is not registered";
        }

        if (batch.LeafHashes.Length == 0 || batch.LeafHashes.Length % MerkleHasher.HashSize != 0)
        {
            return "leaf hash list is malformed";
        }

        var root = ReceiptBatch.ComputeRoot(batch.LeafHashes);
        if (!root.AsSpan().SequenceEqual(batch.Root))
        {
            return "stored root is not the root of the batch's leaf hashes";
        }

        return _verifier.Verify(batch.SignerPublicKey, LedgerSigningMessages.Batch(batch.Count, root), batch.Signature)
            ? null
            : "signature does not verify";
    }

    private static CheckedChunk CheckChunk(List<StoredEntry> chunk, AuditBatches batches, AuditFindings findings)
    {
        var decoded = new ReceiptFields?[chunk.Count];
        var hashes = new byte[chunk.Count * MerkleHasher.HashSize];
        Parallel.For(0, chunk.Count, i => decoded[i] = CheckEntry(chunk[i], batches, findings, hashes.AsSpan(i * MerkleHasher.HashSize, MerkleHasher.HashSize)));
        return new CheckedChunk(chunk, decoded, hashes);
    }

    /// <summary>Checks one entry on its own and writes the hash of its encoding; returns its decoded receipt when the encoding is canonical.</summary>
    private static ReceiptFields? CheckEntry(StoredEntry entry, AuditBatches batches, AuditFindings findings, Span<byte> hash)
    {
        var p = entry.Position;
        MerkleHasher.LeafHash(entry.Encoding, hash);
        if (!hash.SequenceEqual(entry.LeafHash))
        {
            findings.Add(p, LedgerAuditFailures.LeafHashMismatch, "stored leaf hash is not the hash of the stored encoding");
        }

        ReceiptFields receipt;
        try
        {
            receipt = ReceiptEncoding.Parse(entry.Encoding);
        }
        catch (ReceiptFormatException ex)
        {
            findings.Add(p, LedgerAuditFailures.MalformedReceipt, ex.Message);
            return null;
        }

        if (receipt.Id != entry.ReceiptId || receipt.Subject != entry.Subject || receipt.Kind != entry.Kind)
        {
            findings.Add(p, LedgerAuditFailures.ColumnMismatch, "receipt_id, subject or kind column disagrees with the encoding");
        }

        if (!batches.Admit(entry, hash, receipt.SignerPublicKey))
        {
            findings.Add(p, LedgerAuditFailures.NotInBatch, $"batch {entry.BatchSequence} does not hold this receipt at index {entry.BatchIndex}");
        }

        return receipt;
    }

    private async Task ReadChunksAsync(ChannelWriter<List<StoredEntry>> chunks, CancellationToken cancellationToken)
    {
        try
        {
            var chunk = new List<StoredEntry>(ChunkSize);
            await foreach (var entry in _store.ReadEntriesAsync(0, cancellationToken).ConfigureAwait(false))
            {
                chunk.Add(entry);
                if (chunk.Count == ChunkSize)
                {
                    await chunks.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                    chunk = new List<StoredEntry>(ChunkSize);
                }
            }

            await chunks.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
            chunks.Complete();
        }
        catch (Exception ex)
        {
            chunks.Complete(ex);
        }
    }

    private async Task<List<SignedCheckpoint>> ReadCheckpointsAsync(CancellationToken cancellationToken)
    {
        var checkpoints = new List<SignedCheckpoint>();
        await foreach (var checkpoint in _store.ReadCheckpointsAsync(cancellationToken).ConfigureAwait(false))
        {
            checkpoints.Add(checkpoint);
        }

        return checkpoints;
    }

    private sealed record CheckedChunk(List<StoredEntry> Entries, ReceiptFields?[] Receipts, byte[] Hashes);
}
