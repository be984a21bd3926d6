using Enc.Grains.Interfaces.Hosting;
using Enc.Grains.Interfaces.Ledger;
using Enc.Grains.Ledger.Options;
using Enc.Grains.Receipts;
using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;
using Enc.Ledger.Service;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Streams;

namespace Enc.Grains.Ledger;

/// <summary>
/// The ledger: a thin shell over one <see cref="LedgerService"/> whose log lives in the store of
/// <see cref="LedgerStoreProvider"/> (nothing of the log is kept in grain state). Consumes the receipt stream,
/// reports each batch's outcome to its emitter, and signs checkpoints from a timer. Reentrant: the service
/// checks concurrent batches in parallel and writes them in arrival order.
/// </summary>
[ImplicitStreamSubscription(LedgerStreams.Namespace)]
[Reentrant]
[KeepAlive]
public sealed partial class LedgerGrain(
    LedgerStoreProvider stores,
    NodeIdentity identity,
    IOptions<EncLedgerOptions> options,
    ILoggerFactory loggers,
    ReceiptPublicationGate gate) : Grain, ILedgerGrain
{
    /// <summary>Batches from the stream being appended at once (see <see cref="OnBatchAsync"/>).</summary>
    internal const int MaxBatchesInFlight = 4;
    private readonly ILogger _logger = loggers.CreateLogger<LedgerGrain>();
    private readonly SemaphoreSlim _inFlight = new(MaxBatchesInFlight, MaxBatchesInFlight);
    private LedgerService _service = null!;
    private bool _deactivating;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        _service = new LedgerService(await stores.GetStoreAsync(cancellationToken), BlsBatchVerifier.Shared, identity.Signer, identity.NodeName,
            TimeProvider.System, new LedgerOptions { CheckpointInterval = o.CheckpointInterval, CheckpointEveryEntries = o.CheckpointEveryEntries },
            loggers.CreateLogger<LedgerService>());
        await _service.InitializeAsync(cancellationToken);
        var stream = this.GetStreamProvider(EncProviderNames.Streams)
            .GetStream<ReceiptBatchMessage>(StreamId.Create(LedgerStreams.Namespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((batch, _) => OnBatchAsync(batch));
        this.RegisterGrainTimer(CheckpointIfDueAsync, new GrainTimerCreationOptions(o.CheckpointInterval, o.CheckpointInterval) { Interleave = true });
        LogActivated(_service.Size, stores.IsDurable ? "PostgreSQL" : "memory");
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Appends still running finish after this activation is gone, and a gone activation cannot call grains.
        _deactivating = true;
        return Task.CompletedTask;
    }

    async Task<SignerRegistrationOutcome> ILedgerGrain.RegisterSignerAsync(string nodeId, byte[] publicKey, byte[] proofOfPossession)
    {
        var result = await _service.RegisterSignerAsync(nodeId, publicKey ?? [], proofOfPossession ?? []);
        if (!result.Accepted)
        {
            LogRegistrationRefused(nodeId, result.Reason);
        }

        return new SignerRegistrationOutcome { Accepted = result.Accepted, Reason = result.Reason };
    }

    Task<LedgerAppendOutcome> ILedgerGrain.AppendAsync(ReceiptBatchMessage batch) => AppendAsync(batch);

    async Task<LedgerCheckpointView> ILedgerGrain.GetHeadAsync() => (await _service.GetHeadAsync()).ToView();

    async Task<LedgerReceiptProofView?> ILedgerGrain.GetReceiptAsync(Guid receiptId) => (await _service.GetReceiptAsync(receiptId))?.ToView();

    async Task<IReadOnlyList<LedgerEntryView>> ILedgerGrain.GetHistoryAsync(string subject, long afterPosition, int limit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        if (limit is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "limit must be between 1 and 10000");
        }

        return [.. (await _service.GetHistoryAsync(subject, afterPosition, limit)).Select(e => e.ToView())];
    }

    async Task<IReadOnlyDictionary<string, byte[]>> ILedgerGrain.GetSubjectHeadsAsync(IReadOnlyList<string> subjects) =>
        await _service.GetSubjectHeadsAsync(subjects);

    async Task<LedgerConsistencyView> ILedgerGrain.GetConsistencyProofAsync(long fromSize, long toSize)
    {
        if (fromSize < 0 || fromSize > toSize || toSize > _service.Size)
        {
            throw new ArgumentOutOfRangeException(nameof(fromSize),
                $"--from {fromSize} --to {toSize}: need 0 <= from <= to <= ledger size {_service.Size}");
        }

        return new LedgerConsistencyView
        {
            FromSize = fromSize,
            ToSize = toSize,
            FromRoot = await _service.GetRootAsync(fromSize),
            ToRoot = await _service.GetRootAsync(toSize),
            Proof = await _service.GetConsistencyProofAsync(fromSize, toSize),
        };
    }

    async Task<IReadOnlyList<LedgerSignerView>> ILedgerGrain.GetSignersAsync() => [.. (await _service.GetSignersAsync()).Select(s => s.ToView())];

    async Task<LedgerAuditView> ILedgerGrain.VerifyAsync() => (await _service.VerifyAllAsync()).ToView();

    /// <summary>
    /// Takes the next batch off the stream. The stream hands over one batch at a time and waits for this task,
    /// so the task ends once the append has started (its place in the ledger's order is then fixed) and a slot
    /// is free: up to <see cref="MaxBatchesInFlight"/> batches are checked, prepared and written in an overlapping
    /// pipeline. Each outcome goes to its emitter when its append finishes, as before.
    /// </summary>
    private async Task OnBatchAsync(ReceiptBatchMessage batch)
    {
        await _inFlight.WaitAsync();
        _ = AppendAndSettleAsync(batch);
    }

    private async Task AppendAndSettleAsync(ReceiptBatchMessage batch)
    {
        LedgerAppendOutcome outcome;
        try
        {
            outcome = await AppendAsync(batch);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Nothing was acknowledged: the emitter publishes the batch again after its retry interval.
            LogAppendFailed(ex, batch.SignerNodeId);
            return;
        }
        finally
        {
            _inFlight.Release();
        }

        if (batch.Emitter is { } emitter)
        {
            if (_deactivating || !gate.IsOpen)
            {
                // This activation or its silo is stopping: it cannot call grains, or an emitter no longer active here
                // could not be placed from here. The emitter's retry timer publishes the batch again, and the append
                // (idempotent by receipt id) is reported then.
                LogSettlementDeferred(emitter);
                return;
            }

            try
            {
                await GrainFactory.GetGrain<IReceiptEmitterGrain>(emitter).OnReceiptsSettledAsync(outcome);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogSettlementFailed(ex, emitter);
            }
        }
    }

    private async Task<LedgerAppendOutcome> AppendAsync(ReceiptBatchMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var ids = ReceiptIds(message.Receipts);
        var result = await _service.AppendAsync(new ReceiptBatch
        {
            SignerPublicKey = message.SignerPublicKey ?? [],
            Receipts = message.Receipts ?? [],
            Signature = message.Signature ?? [],
        });
        if (!result.IsAccepted)
        {
            LogBatchRejected(message.SignerNodeId, message.Receipts?.Count ?? 0, result.Reason, result.Detail);
        }

        return new LedgerAppendOutcome
        {
            Accepted = result.IsAccepted,
            Reason = result.Reason,
            Detail = result.Detail,
            AppendedCount = result.AppendedCount,
            DuplicateCount = result.DuplicateCount,
            ReceiptIds = ids,
            FirstPosition = result.FirstPosition,
        };
    }

    private static Guid[] ReceiptIds(IReadOnlyList<byte[]>? receipts)
    {
        try
        {
            return receipts?.Select(r => ReceiptEncoding.ReadId(r)).ToArray() ?? [];
        }
        catch (ReceiptFormatException)
        {
            return [];
        }
    }

    private async Task CheckpointIfDueAsync()
    {
        try
        {
            await _service.CheckpointIfDueAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogCheckpointFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger activated with {Size} entries in {Store}")]
    private partial void LogActivated(long size, string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger rejected a batch of {Count} receipt(s) signed by node {Node}: {Reason}: {Detail}")]
    private partial void LogBatchRejected(string node, int count, string? reason, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger refused the signing key of node {Node}: {Reason}")]
    private partial void LogRegistrationRefused(string node, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not report a batch outcome to {Emitter}")]
    private partial void LogSettlementFailed(Exception exception, GrainId emitter);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Not reporting a batch outcome to {Emitter}: the ledger activation or its silo is stopping")]
    private partial void LogSettlementDeferred(GrainId emitter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Appending a batch signed by node {Node} failed; its emitter will send it again")]
    private partial void LogAppendFailed(Exception exception, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signing a ledger checkpoint failed")]
    private partial void LogCheckpointFailed(Exception exception);
}
