using Enc.Crypto.Merkle;
using Enc.Ledger.Batches;
using Enc.Ledger.Storage;

namespace Enc.Ledger.Service;

/// <summary>
/// The batch half of a ledger audit. Entries are checked for membership in their batch while the batches'
/// roots and signatures are still being verified; each batch remembers its lowest member position and its
/// lowest entry naming another signer, and <see cref="Report"/> turns those into findings once the batch
/// verdicts are in (the same first finding as checking each entry against a finished verdict).
/// </summary>
internal sealed class AuditBatches
{
    private readonly List<StoredBatch> _batches;
    private readonly long[] _firstMember;
    private readonly long[] _firstForeignSigner;
    private readonly string?[] _problems;

    public AuditBatches(List<StoredBatch> batches)
    {
        _batches = batches;
        _firstMember = new long[batches.Count];
        _firstForeignSigner = new long[batches.Count];
        _problems = new string?[batches.Count];
        Array.Fill(_firstMember, long.MaxValue);
        Array.Fill(_firstForeignSigner, long.MaxValue);
    }

    /// <summary>Verifies every batch's root and signature (in parallel) and records the problems.</summary>
    public void Verify(Func<StoredBatch, string?> check, CancellationToken cancellationToken) =>
        Parallel.For(0, _batches.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => _problems[i] = check(_batches[i]));

    /// <summary>
    /// True when the entry's batch holds a receipt with hash <paramref name="hash"/> at the entry's batch index;
    /// then records the entry as a member and, when <paramref name="signer"/> is not the batch's, as naming another signer.
    /// </summary>
    public bool Admit(StoredEntry entry, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signer)
    {
        if (entry.BatchSequence < 0 || entry.BatchSequence >= _batches.Count)
        {
            return false;
        }

        var sequence = (int)entry.BatchSequence;
        var batch = _batches[sequence];
        if (entry.BatchIndex >= batch.Count || !batch.LeafHashes.AsSpan(entry.BatchIndex * MerkleHasher.HashSize, MerkleHasher.HashSize).SequenceEqual(hash))
        {
            return false;
        }

        LowerTo(ref _firstMember[sequence], entry.Position);
        if (!signer.SequenceEqual(batch.SignerPublicKey))
        {
            LowerTo(ref _firstForeignSigner[sequence], entry.Position);
        }

        return true;
    }

    /// <summary>Adds the findings of bad batches (at their first member) and of entries naming another signer than a good batch.</summary>
    public void Report(AuditFindings findings)
    {
        for (var i = 0; i < _batches.Count; i++)
        {
            if (_problems[i] is { } problem && _firstMember[i] != long.MaxValue)
            {
                findings.Add(_firstMember[i], LedgerAuditFailures.BadBatch, $"batch {i}: {problem}");
            }
            else if (_problems[i] is null && _firstForeignSigner[i] != long.MaxValue)
            {
                findings.Add(_firstForeignSigner[i], LedgerAuditFailures.BadBatch, $"receipt names another signer than batch {i}");
            }
        }
    }

    private static void LowerTo(ref long slot, long value)
    {
        var current = Volatile.Read(ref slot);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref slot, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
