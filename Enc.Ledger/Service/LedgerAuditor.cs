using System.Collections.Concurrent;
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

        var badBatches = new ConcurrentDictionary<long, string>();
        Parallel.ForEach(batches, new ParallelOptions { CancellationToken = cancellationToken }, batch =>
        {
            if (CheckBatch(batch, signers) is { } problem)
            {
                badBatches[batch.Sequence] = problem;
            }
        });

        var checkpoints = await ReadCheckpointsAsync(cancellationToken).ConfigureAwait(false);
        var tree = new AuditTree(findings, checkpoints, _verifier, signers);
        tree.CheckCheckpointsAtCurrentSize();
        // Reading from the store overlaps with hashing and checking the previous chunk.
        var chunks = Channel.CreateBounded<List<StoredEntry>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var reader = Task.Run(async () =>
        {
            try
            {
                var chunk = new List<StoredEntry>(ChunkSize);
                await foreach (var entry in _store.ReadEntriesAsync(0, cancellationToken).ConfigureAwait(false))
                {
                    chunk.Add(entry);
                    if (chunk.Count == ChunkSize)
                    {
                        await chunks.Writer.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                        chunk = new List<StoredEntry>(ChunkSize);
                    }
                }

                await chunks.Writer.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                chunks.Writer.Complete();
            }
            catch (Exception ex)
            {
                chunks.Writer.Complete(ex);
            }
        }, cancellationToken);

        var entries = 0L;
        await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            entries += CheckChunk(chunk, batches, badBatches, tree, findings);
        }

        await reader.ConfigureAwait(false);
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

    private static long CheckChunk(List<StoredEntry> chunk, List<StoredBatch> batches, ConcurrentDictionary<long, string> badBatches, AuditTree tree, AuditFindings findings)
    {
        var decoded = new ReceiptFields?[chunk.Count];
        var hashes = new byte[chunk.Count * MerkleHasher.HashSize];
        Parallel.For(0, chunk.Count, i => decoded[i] = CheckEntry(chunk[i], batches, badBatches, findings, hashes.AsSpan(i * MerkleHasher.HashSize, MerkleHasher.HashSize)));
        for (var i = 0; i < chunk.Count; i++)
        {
            tree.Append(chunk[i], decoded[i], hashes.AsSpan(i * MerkleHasher.HashSize, MerkleHasher.HashSize));
        }

        return chunk.Count;
    }

    /// <summary>Checks one entry on its own and writes the hash of its encoding; returns its decoded receipt when the encoding is canonical.</summary>
    private static ReceiptFields? CheckEntry(StoredEntry entry, List<StoredBatch> batches, ConcurrentDictionary<long, string> badBatches, AuditFindings findings, Span<byte> hash)
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

        if (entry.BatchSequence < 0 || entry.BatchSequence >= batches.Count || entry.BatchIndex >= batches[(int)entry.BatchSequence].Count
            || !batches[(int)entry.BatchSequence].LeafHashes.AsSpan(entry.BatchIndex * MerkleHasher.HashSize, MerkleHasher.HashSize).SequenceEqual(hash))
        {
            findings.Add(p, LedgerAuditFailures.NotInBatch, $"batch {entry.BatchSequence} does not hold this receipt at index {entry.BatchIndex}");
        }
        else if (badBatches.TryGetValue(entry.BatchSequence, out var problem))
        {
            findings.Add(p, LedgerAuditFailures.BadBatch, $"batch {entry.BatchSequence}: {problem}");
        }
        else if (!receipt.SignerPublicKey.SequenceEqual(batches[(int)entry.BatchSequence].SignerPublicKey))
        {
            findings.Add(p, LedgerAuditFailures.BadBatch, $"receipt names another signer than batch {entry.BatchSequence}");
        }

        return receipt;
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
}
