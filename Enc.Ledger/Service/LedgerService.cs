using Enc.Crypto.Merkle;
using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;
using Enc.Ledger.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Enc.Ledger.Service;

/// <summary>
/// The ledger's logic, independent of Orleans: verifies and appends signed receipt batches, signs checkpoints,
/// serves receipts with proofs, histories and consistency proofs, and re-verifies the whole log. One instance
/// is the writer of a store (the ledger grain). <see cref="AppendAsync"/> may be called concurrently: batches
/// are checked in parallel and written one at a time in call order; the store's own locking refuses a second
/// writer's stale appends.
/// </summary>
public sealed partial class LedgerService
{
    private static readonly byte[] NoPrevious = new byte[ReceiptEncoding.HashSize];
    private readonly ILedgerStore _store;
    private readonly IBatchVerifier _verifier;
    private readonly IBatchSigner _checkpointSigner;
    private readonly string _nodeId;
    private readonly TimeProvider _time;
    private readonly LedgerOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _stateLock = new();
    private readonly Dictionary<string, byte[]> _subjectHeads = new(StringComparer.Ordinal);
    private readonly HashSet<string> _signers = new(StringComparer.Ordinal);
    private CompactMerkleRange _range = new();
    private long _batchCount;
    private long _checkpointedSize = -1;
    private long _checkpointedAtMs;
    private bool _initialized;
    private long _confirmedVersion;
    private long _lastVersion;
    private LedgerState _tip = new(0, new CompactMerkleRange(), 0, []);
    private Task _prepareTail = Task.CompletedTask;
    private Task _writeTail = Task.CompletedTask;

    /// <summary>Creates the service. <paramref name="checkpointSigner"/> is this node's key, registered as <paramref name="nodeId"/>.</summary>
    public LedgerService(ILedgerStore store, IBatchVerifier verifier, IBatchSigner checkpointSigner, string nodeId,
        TimeProvider? time = null, LedgerOptions? options = null, ILogger<LedgerService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(checkpointSigner);
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        _store = store;
        _verifier = verifier;
        _checkpointSigner = checkpointSigner;
        _nodeId = nodeId;
        _time = time ?? TimeProvider.System;
        _options = options ?? new LedgerOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        NodeReader = new TiledMerkleNodeReader(store);
        Proofs = new MerkleProofBuilder(NodeReader);
    }

    /// <summary>Number of entries.</summary>
    public long Size => _range.Size;

    /// <summary>Reads the ledger tree's nodes from the store.</summary>
    public IMerkleNodeReader NodeReader { get; }

    private MerkleProofBuilder Proofs { get; }

    /// <summary>Loads the ledger's head from the store and registers this node's checkpoint key. Idempotent.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ReloadAsync(cancellationToken).ConfigureAwait(false);
            _initialized = true;
        }
        finally
        {
            _writeLock.Release();
        }

        var self = await RegisterSignerAsync(_nodeId, _checkpointSigner.PublicKey, _checkpointSigner.ProvePossession(), cancellationToken).ConfigureAwait(false);
        if (!self.Accepted)
        {
            throw new InvalidOperationException($"The ledger's own checkpoint key was refused: {self.Reason}.");
        }
    }

    /// <summary>Registers a node's signing key after checking its proof of possession.</summary>
    public async Task<SignerRegistrationResult> RegisterSignerAsync(string nodeId, byte[] publicKey, byte[] proofOfPossession, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(proofOfPossession);
        if (publicKey.Length != ReceiptEncoding.PublicKeySize)
        {
            return new SignerRegistrationResult(false, LedgerRejectionReasons.InvalidPublicKey);
        }

        if (!_verifier.VerifyPossession(publicKey, proofOfPossession))
        {
            LogRegistrationRefused(nodeId);
            return new SignerRegistrationResult(false, LedgerRejectionReasons.BadProofOfPossession);
        }

        await _store.RegisterSignerAsync(new SignerRegistration
        {
            PublicKey = publicKey,
            NodeId = nodeId,
            ProofOfPossession = proofOfPossession,
            RegisteredAtMilliseconds = _time.GetUtcNow().ToUnixTimeMilliseconds(),
        }, cancellationToken).ConfigureAwait(false);
        lock (_signers)
        {
            _signers.Add(Convert.ToHexStringLower(publicKey));
        }

        return new SignerRegistrationResult(true);
    }

    /// <summary>
    /// Verifies <paramref name="batch"/> (signer registered, receipts canonical and signed by the batch signer,
    /// batch signature over root and count, per-subject chain links) and appends its receipts that are not yet
    /// in the ledger, atomically. Nothing is appended when any check fails.
    /// </summary>
    public async Task<LedgerAppendResult> AppendAsync(ReceiptBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        EnsureInitialized();

        // Calls are appended in the order they were made, in three stages: the signature and hash checks run
        // for any number of batches at once; each batch is then prepared (chain links, tree, rows) on top of
        // the batches prepared before it, while the batch before it is still being written; writes go one at
        // a time. A prepared batch whose basis did not become durable as prepared is rebuilt at its write.
        var prepareTurn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writeTurn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task previousPrepare, previousWrite;
        lock (_stateLock)
        {
            (previousPrepare, _prepareTail) = (_prepareTail, prepareTurn.Task);
            (previousWrite, _writeTail) = (_writeTail, writeTurn.Task);
        }

        LedgerAppendResult result;
        try
        {
            var checkedBatch = await CheckBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            PreparedAppend? prepared = null;
            try
            {
                await previousPrepare.ConfigureAwait(false);
                if (checkedBatch.Rejection is null)
                {
                    prepared = await PrepareOnTipAsync(batch, checkedBatch, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                prepareTurn.SetResult();
            }

            await previousWrite.ConfigureAwait(false);
            if (checkedBatch.Rejection is { } rejection)
            {
                result = rejection;
            }
            else
            {
                await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    result = await WriteAsync(batch, checkedBatch, prepared, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _writeLock.Release();
                }
            }
        }
        finally
        {
            prepareTurn.TrySetResult();
            writeTurn.SetResult();
        }

        if (result.Status == LedgerAppendStatus.Rejected)
        {
            LogBatchRejected(result.Reason!, result.Detail!);
        }
        else if (Size - Math.Max(_checkpointedSize, 0) >= _options.CheckpointEveryEntries)
        {
            await CheckpointAsync(cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var size = await _store.GetSizeAsync(cancellationToken).ConfigureAwait(false);
        var ids = MerkleProofPlanner.CompactRange(size);
        var hashes = new byte[ids.Length * MerkleHasher.HashSize];
        if (ids.Length > 0)
        {
            await NodeReader.ReadNodesAsync(ids, hashes, cancellationToken).ConfigureAwait(false);
        }

        var range = CompactMerkleRange.Restore(size, hashes);
        var batchCount = await _store.GetBatchCountAsync(cancellationToken).ConfigureAwait(false);
        lock (_stateLock)
        {
            (_range, _batchCount) = (range, batchCount);
            _subjectHeads.Clear();
            _confirmedVersion = Interlocked.Increment(ref _lastVersion);
            ResetTip();
        }

        var latest = await _store.GetLatestCheckpointAsync(cancellationToken).ConfigureAwait(false);
        (_checkpointedSize, _checkpointedAtMs) = latest is null ? (-1, 0) : (latest.Size, latest.TimestampMilliseconds);
        var signers = await _store.GetSignersAsync(cancellationToken).ConfigureAwait(false);
        lock (_signers)
        {
            _signers.Clear();
            _signers.UnionWith(signers.Select(s => Convert.ToHexStringLower(s.PublicKey)));
        }
    }

    private void EnsureInitialized()
    {
        if (!_initialized)
        {
            throw new InvalidOperationException("Call InitializeAsync before using the ledger.");
        }
    }
}
