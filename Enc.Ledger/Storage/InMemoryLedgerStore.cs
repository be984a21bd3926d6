using System.Runtime.CompilerServices;
using Enc.Crypto.Merkle;
using Enc.Ledger.Batches;

namespace Enc.Ledger.Storage;

/// <summary>
/// The ledger in process memory, for dev mode (<c>enc</c> against a single dev silo) and tests. Same contract
/// as <see cref="PostgresLedgerStore"/> — append-only, atomic appends, idempotency conflicts — without durability.
/// Thread-safe.
/// </summary>
public sealed class InMemoryLedgerStore : ILedgerStore
{
    private readonly Lock _lock = new();
    private readonly List<StoredEntry> _entries = [];
    private readonly List<StoredBatch> _batches = [];
    private readonly Dictionary<Guid, long> _byReceipt = [];
    private readonly Dictionary<string, List<long>> _bySubject = new(StringComparer.Ordinal);
    private readonly Dictionary<MerkleNodeId, byte[]> _nodes = [];
    private readonly List<SignedCheckpoint> _checkpoints = [];
    private readonly List<SignerRegistration> _signers = [];

    /// <inheritdoc />
    public Task<long> GetSizeAsync(CancellationToken cancellationToken = default) => Task.FromResult(Locked(() => (long)_entries.Count));

    /// <inheritdoc />
    public Task<long> GetBatchCountAsync(CancellationToken cancellationToken = default) => Task.FromResult(Locked(() => (long)_batches.Count));

    /// <inheritdoc />
    public Task AppendAsync(LedgerAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        lock (_lock)
        {
            if (append.ExpectedSize != _entries.Count || append.Batch.Sequence != _batches.Count)
            {
                throw new LedgerConflictException(
                    $"Ledger is at size {_entries.Count} with {_batches.Count} batches; the append expected {append.ExpectedSize} and batch {append.Batch.Sequence}.");
            }

            var ids = new HashSet<Guid>();
            for (var i = 0; i < append.Entries.Count; i++)
            {
                var entry = append.Entries[i];
                if (entry.Position != append.ExpectedSize + i || _byReceipt.ContainsKey(entry.ReceiptId) || !ids.Add(entry.ReceiptId))
                {
                    throw new LedgerConflictException($"Entry {entry.ReceiptId} at position {entry.Position} conflicts with the ledger.");
                }
            }

            _batches.Add(append.Batch);
            foreach (var entry in append.Entries)
            {
                _entries.Add(entry);
                _byReceipt[entry.ReceiptId] = entry.Position;
                if (!_bySubject.TryGetValue(entry.Subject, out var positions))
                {
                    positions = [];
                    _bySubject[entry.Subject] = positions;
                }

                positions.Add(entry.Position);
            }

            foreach (var node in append.Nodes)
            {
                _nodes[node.Id] = node.Hash;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlySet<Guid>> FindExistingReceiptsAsync(IReadOnlyCollection<Guid> receiptIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlySet<Guid>>(Locked(() => receiptIds.Where(_byReceipt.ContainsKey).ToHashSet()));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, byte[]>> GetSubjectHeadsAsync(IReadOnlyCollection<string> subjects, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, byte[]>>(Locked(() =>
            subjects.Distinct()
                .Where(_bySubject.ContainsKey)
                .ToDictionary(s => s, s => _entries[(int)_bySubject[s][^1]].LeafHash, StringComparer.Ordinal)));

    /// <inheritdoc />
    public Task<StoredEntry?> GetEntryAsync(Guid receiptId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Locked(() => _byReceipt.TryGetValue(receiptId, out var p) ? _entries[(int)p] : null));

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEntry>> GetSubjectHistoryAsync(string subject, long afterPosition, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredEntry>>(Locked(() =>
            _bySubject.TryGetValue(subject, out var positions)
                ? positions.Where(p => p > afterPosition).Take(limit).Select(p => _entries[(int)p]).ToList()
                : []));

    /// <inheritdoc />
    public Task<StoredBatch?> GetBatchAsync(long sequence, CancellationToken cancellationToken = default) =>
        Task.FromResult(Locked(() => sequence >= 0 && sequence < _batches.Count ? _batches[(int)sequence] : null));

    /// <inheritdoc />
    public Task ReadLeafHashesAsync(long first, int count, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (first < 0 || first + count > _entries.Count)
            {
                throw new KeyNotFoundException($"Positions {first}..{first + count - 1} are not all stored (size {_entries.Count}).");
            }

            for (var i = 0; i < count; i++)
            {
                _entries[(int)(first + i)].LeafHash.CopyTo(destination.Span[(i * MerkleHasher.HashSize)..]);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ReadNodesAsync(IReadOnlyList<MerkleNodeId> ids, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (!_nodes.TryGetValue(ids[i], out var hash))
                {
                    throw new KeyNotFoundException($"Merkle node {ids[i]} is not stored.");
                }

                hash.CopyTo(destination.Span[(i * MerkleHasher.HashSize)..]);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AppendCheckpointAsync(SignedCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_checkpoints.Any(c => c.Size == checkpoint.Size))
            {
                _checkpoints.Add(checkpoint);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<SignedCheckpoint?> GetLatestCheckpointAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Locked(() => _checkpoints.OrderBy(c => c.Size).ThenBy(c => c.TimestampMilliseconds).LastOrDefault()));

    /// <inheritdoc />
    public Task<bool> RegisterSignerAsync(SignerRegistration registration, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_signers.Any(s => s.PublicKey.AsSpan().SequenceEqual(registration.PublicKey)))
            {
                return Task.FromResult(false);
            }

            _signers.Add(registration);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SignerRegistration>> GetSignersAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SignerRegistration>>(Locked(() => _signers.ToList()));

    /// <inheritdoc />
    public IAsyncEnumerable<StoredBatch> ReadBatchesAsync(CancellationToken cancellationToken = default) => Snapshot(() => _batches.ToList(), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<StoredEntry> ReadEntriesAsync(long fromPosition, CancellationToken cancellationToken = default) =>
        Snapshot(() => _entries.Skip((int)Math.Min(fromPosition, _entries.Count)).ToList(), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<StoredMerkleNode> ReadAllNodesAsync(CancellationToken cancellationToken = default) =>
        Snapshot(() => _nodes.Select(n => new StoredMerkleNode(n.Key, n.Value)).ToList(), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<SignedCheckpoint> ReadCheckpointsAsync(CancellationToken cancellationToken = default) =>
        Snapshot(() => _checkpoints.OrderBy(c => c.Size).ThenBy(c => c.TimestampMilliseconds).ToList(), cancellationToken);

    private T Locked<T>(Func<T> read)
    {
        lock (_lock)
        {
            return read();
        }
    }

    private async IAsyncEnumerable<T> Snapshot<T>(Func<List<T>> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in Locked(read))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
