using Enc.Crypto.Merkle;
using Enc.Ledger.Batches;
using Enc.Ledger.Storage;

namespace Enc.Ledger.Tests.Infrastructure;

/// <summary>
/// Wraps a real store and lets a test hold the next append at a gate and make it fail before or after it
/// commits (a database write whose outcome the caller never learns cannot be produced on demand otherwise).
/// </summary>
internal sealed class FaultInjectingLedgerStore(ILedgerStore inner) : ILedgerStore
{
    private TaskCompletionSource? _gate;
    private AppendFault _fault;

    /// <summary>Appends made through this store (successful or not).</summary>
    public int Appends { get; private set; }

    /// <summary>How long every append takes before it reaches the inner store (a slow database).</summary>
    public TimeSpan WriteDelay { get; init; }

    /// <summary>Called as each append reaches the store, after <see cref="WriteDelay"/>.</summary>
    public Action? OnAppend { get; set; }

    /// <summary>Holds the next append until the returned source is completed, then applies <paramref name="fault"/>.</summary>
    public TaskCompletionSource HoldNextAppend(AppendFault fault = AppendFault.None)
    {
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fault = fault;
        return _gate;
    }

    public async Task AppendAsync(LedgerAppend append, CancellationToken cancellationToken = default)
    {
        Appends++;
        if (WriteDelay > TimeSpan.Zero)
        {
            await Task.Delay(WriteDelay, cancellationToken);
        }

        OnAppend?.Invoke();

        var (gate, fault) = (_gate, _fault);
        (_gate, _fault) = (null, AppendFault.None);
        if (gate is not null)
        {
            await gate.Task;
        }

        if (fault == AppendFault.FailBeforeCommit)
        {
            throw new InvalidOperationException("injected: the connection broke before the commit");
        }

        await inner.AppendAsync(append, cancellationToken);
        if (fault == AppendFault.FailAfterCommit)
        {
            throw new InvalidOperationException("injected: the connection broke after the commit");
        }
    }

    public Task<long> GetSizeAsync(CancellationToken cancellationToken = default) => inner.GetSizeAsync(cancellationToken);

    public Task<long> GetBatchCountAsync(CancellationToken cancellationToken = default) => inner.GetBatchCountAsync(cancellationToken);

    public Task<IReadOnlySet<Guid>> FindExistingReceiptsAsync(IReadOnlyCollection<Guid> receiptIds, CancellationToken cancellationToken = default) =>
        inner.FindExistingReceiptsAsync(receiptIds, cancellationToken);

    public Task<IReadOnlyDictionary<string, byte[]>> GetSubjectHeadsAsync(IReadOnlyCollection<string> subjects, CancellationToken cancellationToken = default) =>
        inner.GetSubjectHeadsAsync(subjects, cancellationToken);

    public Task<StoredEntry?> GetEntryAsync(Guid receiptId, CancellationToken cancellationToken = default) => inner.GetEntryAsync(receiptId, cancellationToken);

    public Task<IReadOnlyList<StoredEntry>> GetSubjectHistoryAsync(string subject, long afterPosition, int limit, CancellationToken cancellationToken = default) =>
        inner.GetSubjectHistoryAsync(subject, afterPosition, limit, cancellationToken);

    public Task<StoredBatch?> GetBatchAsync(long sequence, CancellationToken cancellationToken = default) => inner.GetBatchAsync(sequence, cancellationToken);

    public Task ReadLeafHashesAsync(long first, int count, Memory<byte> destination, CancellationToken cancellationToken = default) =>
        inner.ReadLeafHashesAsync(first, count, destination, cancellationToken);

    public Task ReadNodesAsync(IReadOnlyList<MerkleNodeId> ids, Memory<byte> destination, CancellationToken cancellationToken = default) =>
        inner.ReadNodesAsync(ids, destination, cancellationToken);

    public Task AppendCheckpointAsync(SignedCheckpoint checkpoint, CancellationToken cancellationToken = default) => inner.AppendCheckpointAsync(checkpoint, cancellationToken);

    public Task<SignedCheckpoint?> GetLatestCheckpointAsync(CancellationToken cancellationToken = default) => inner.GetLatestCheckpointAsync(cancellationToken);

    public Task<bool> RegisterSignerAsync(SignerRegistration registration, CancellationToken cancellationToken = default) => inner.RegisterSignerAsync(registration, cancellationToken);

    public Task<IReadOnlyList<SignerRegistration>> GetSignersAsync(CancellationToken cancellationToken = default) => inner.GetSignersAsync(cancellationToken);

    public IAsyncEnumerable<StoredBatch> ReadBatchesAsync(CancellationToken cancellationToken = default) => inner.ReadBatchesAsync(cancellationToken);

    public IAsyncEnumerable<StoredEntry> ReadEntriesAsync(long fromPosition, CancellationToken cancellationToken = default) => inner.ReadEntriesAsync(fromPosition, cancellationToken);

    public IAsyncEnumerable<StoredMerkleNode> ReadAllNodesAsync(CancellationToken cancellationToken = default) => inner.ReadAllNodesAsync(cancellationToken);

    public IAsyncEnumerable<SignedCheckpoint> ReadCheckpointsAsync(CancellationToken cancellationToken = default) => inner.ReadCheckpointsAsync(cancellationToken);
}
