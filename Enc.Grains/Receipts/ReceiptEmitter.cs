using Enc.Grains.Interfaces.Hosting;
using Enc.Grains.Interfaces.Ledger;
using Enc.Grains.Interfaces.Receipts;
using Enc.Grains.Ledger.Options;
using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;
using Enc.Ledger.Service;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Orleans.Streams;

namespace Enc.Grains.Receipts;

/// <summary>
/// Records a grain's receipts in its persisted outbox and drains the outbox to the ledger. Usage in a grain
/// (state class has a <see cref="ReceiptOutbox"/> property; grain implements <see cref="IReceiptEmitterGrain"/>
/// and <see cref="IRemindable"/>):
/// <code>
/// _receipts.Record(ReceiptKind.WorkloadStopped, ReceiptSubjects.Workload(id), ReceiptPayload.Of(("reason", r)));
/// await _state.WriteStateAsync();   // the receipt is durable with the state change
/// await _receipts.FlushAsync();     // wake-up reminder + publish; then acknowledge
/// </code>
/// Forward <c>OnActivateAsync</c>, <c>OnDeactivateAsync</c>, <see cref="IReceiptEmitterGrain.OnReceiptsSettledAsync"/>
/// and reminders named <see cref="ReminderName"/> to this object.
/// </summary>
/// <remarks>
/// Draining: the pending receipts are sealed (chained per subject, naming this silo's node key), signed as a
/// batch with that key and published on the receipt stream. The ledger reports the outcome back; accepted
/// receipts leave the outbox, rejected ones are repaired (signer registered again, chain re-linked from the
/// ledger's heads) and published again. Unanswered batches are published again after
/// <see cref="EncLedgerOptions.RetryInterval"/>; appends are idempotent by receipt id. A reminder registered
/// before the first acknowledgement reactivates the grain after a crash so its outbox drains.
/// </remarks>
public sealed partial class ReceiptEmitter
{
    /// <summary>Name of the reminder that wakes a grain whose outbox was not drained.</summary>
    public const string ReminderName = "enc.receipts.outbox";

    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(5);
    private readonly Grain _grain;
    private readonly Func<ReceiptOutbox> _outbox;
    private readonly Func<Task> _writeState;
    private readonly Func<Task>? _readState;
    private readonly ReceiptEmitterFactory _factory;
    private readonly EncLedgerOptions _options;
    private readonly ILogger _logger;
    private readonly Dictionary<Guid, DateTimeOffset> _inFlight = [];

    // Receipt hashes of the last sealing, valid for _hashesOf (the outbox object sealed; storage replaces it on a
    // read) until its heads are reset: confirming with them needs no second encoding.
    private readonly Dictionary<Guid, byte[]> _hashes = [];
    private ReceiptOutbox? _hashesOf;
    private IGrainTimer? _retryTimer;
    private bool _reminderRegistered;

    internal ReceiptEmitter(Grain grain, Func<ReceiptOutbox> outbox, Func<Task> writeState, Func<Task>? readState, ReceiptEmitterFactory factory, EncLedgerOptions options, ILogger logger)
    {
        _grain = grain;
        _outbox = outbox;
        _writeState = writeState;
        _readState = readState;
        _factory = factory;
        _options = options;
        _logger = logger;
    }

    /// <summary>The node actor of this silo (<c>node/NAME</c>), the default actor of receipts.</summary>
    public string NodeActor => _factory.Identity.Actor;

    private ReceiptOutbox Outbox => _outbox();

    private NodeIdentity Identity => _factory.Identity;

    /// <summary>
    /// Records a receipt in the outbox (not yet durable: write the grain state next). The actor defaults to the
    /// caller's identity (<see cref="ReceiptActorContext"/>), else this node. Returns the receipt id.
    /// </summary>
    public Guid Record(ReceiptKind kind, string subject, ReceiptPayload payload, string? actor = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentNullException.ThrowIfNull(payload);
        if (kind == ReceiptKind.Invalid)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), "receipt kind 0 is invalid");
        }

        var now = _factory.Clock.Now();
        var id = Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(now.WallMilliseconds));
        Outbox.Add(new PendingReceipt
        {
            Id = id,
            Kind = kind,
            Subject = subject,
            Actor = actor ?? ReceiptActorContext.Current ?? NodeActor,
            WallMilliseconds = now.WallMilliseconds,
            Counter = now.Counter,
            PayloadHash = payload.Hash(),
        });
        return id;
    }

    /// <summary>
    /// Call after the state holding new receipts was written: makes sure the wake-up reminder exists (throws if
    /// it cannot be registered, so the operation is not acknowledged) and publishes the new receipts.
    /// </summary>
    public async Task FlushAsync()
    {
        if (!Outbox.HasPending)
        {
            return;
        }

        await EnsureReminderAsync();
        await PublishAsync(onlyNew: true);
        EnsureRetryTimer();
    }

    /// <summary>Call from the grain's <c>OnActivateAsync</c>: drains receipts left by an earlier activation.</summary>
    public async Task OnActivateAsync()
    {
        if (Outbox.HasPending)
        {
            _reminderRegistered = true; // an outbox is only persisted non-empty after its reminder was registered
            await PublishAsync(onlyNew: false);
            EnsureRetryTimer();
        }
    }

    /// <summary>
    /// Call from the grain's <c>OnDeactivateAsync</c>: stops the retry timer. The reminder is left alone (a
    /// silo shutting down may no longer reach the reminder service); it removes itself on its next tick when the
    /// outbox is empty.
    /// </summary>
    public Task OnDeactivateAsync()
    {
        _retryTimer?.Dispose();
        _retryTimer = null;
        return Task.CompletedTask;
    }

    /// <summary>True when <paramref name="reminderName"/> is this emitter's reminder.</summary>
    public static bool IsReminder(string reminderName) => reminderName == ReminderName;

    /// <summary>Call when the reminder <see cref="ReminderName"/> fires: publishes whatever is still pending, or removes the reminder when nothing is.</summary>
    public async Task OnReminderAsync()
    {
        if (Outbox.HasPending)
        {
            await PublishAsync(onlyNew: false);
            EnsureRetryTimer();
            return;
        }

        try
        {
            if (await _grain.GetReminder(ReminderName) is { } reminder)
            {
                await _grain.UnregisterReminder(reminder);
            }

            _reminderRegistered = false;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogReminderCleanupFailed(ex, _grain.GetGrainId());
        }
    }

    /// <summary>Applies the ledger's outcome for a batch this grain published.</summary>
    public async Task OnSettledAsync(LedgerAppendOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        foreach (var id in outcome.ReceiptIds)
        {
            _inFlight.Remove(id);
        }

        if (outcome.Accepted)
        {
            var ids = outcome.ReceiptIds.ToHashSet();
            await UpdateOutboxAsync(outbox => ConfirmInOutbox(outbox, ids));
            foreach (var id in ids)
            {
                _hashes.Remove(id);
            }
            return;
        }

        LogBatchRejected(_grain.GetGrainId(), outcome.Reason, outcome.Detail);
        var ledger = _factory.Grains.GetGrain<ILedgerGrain>(ILedgerGrain.DefaultKey);
        switch (outcome.Reason)
        {
            case LedgerRejectionReasons.UnregisteredSigner:
                var registration = await ledger.RegisterSignerAsync(Identity.NodeName, Identity.PublicKey, Identity.ProofOfPossession);
                if (!registration.Accepted)
                {
                    LogRegistrationRefused(Identity.NodeName, registration.Reason);
                    return;
                }

                break;
            case LedgerRejectionReasons.ChainLinkMismatch:
                var subjects = Outbox.Pending.Select(p => p.Subject).Distinct(StringComparer.Ordinal).ToList();
                var heads = await ledger.GetSubjectHeadsAsync(subjects);
                _hashes.Clear();
                await UpdateOutboxAsync(outbox =>
                {
                    outbox.ResetHeads(subjects, heads);
                    return true;
                });
                break;
            default:
                return; // not repairable here: the retry timer publishes again and the rejection is logged each time
        }

        _inFlight.Clear();
        await PublishAsync(onlyNew: false);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the outbox and persists it when it changed anything. When the write
    /// meets a newer stored version (another activation of this grain wrote meanwhile: while the membership
    /// changes a grain can briefly be active on two silos) the stored state is read back and the change applied to
    /// it once more, so the newer state is kept and the settlement is not lost (else its receipts would be
    /// published again and, chained on an old head, rejected).
    /// </summary>
    private async Task UpdateOutboxAsync(Func<ReceiptOutbox, bool> change)
    {
        if (!change(Outbox))
        {
            return;
        }

        try
        {
            await _writeState();
        }
        catch (InconsistentStateException ex) when (_readState is not null)
        {
            LogSettlementConflict(ex, _grain.GetGrainId());
            await _readState();
            if (change(Outbox))
            {
                await _writeState();
            }
        }
    }

    private bool ConfirmInOutbox(ReceiptOutbox outbox, HashSet<Guid> ids)
    {
        if (ReferenceEquals(outbox, _hashesOf) && outbox.Pending.Where(p => ids.Contains(p.Id)).All(p => _hashes.ContainsKey(p.Id)))
        {
            return outbox.Confirm(ids.Where(_hashes.ContainsKey).ToDictionary(id => id, id => _hashes[id]));
        }

        // Sealed by another activation or before a reset: seal again to learn the hashes.
        var confirmed = outbox.Seal(Identity.PublicKey).Where(r => ids.Contains(r.Id)).ToList();
        return outbox.Confirm(confirmed);
    }

    private async Task PublishAsync(bool onlyNew)
    {
        if (!_factory.Gate.IsOpen)
        {
            // Not an active member, or stopping: the receipts stay in the outbox; the retry timer, the reminder or
            // the grain's next activation (on an active silo) publishes them.
            LogPublishDeferred(_grain.GetGrainId(), Outbox.Pending.Count);
            return;
        }

        var outbox = Outbox;
        if (!ReferenceEquals(outbox, _hashesOf))
        {
            _hashes.Clear();
            _hashesOf = outbox;
        }

        var batches = outbox.SealBatches(Identity.Signer, _options.MaxBatchSize, onlyNew ? _inFlight.Keys.ToHashSet() : null, _hashes);
        foreach (var sealedBatch in batches)
        {
            for (var i = 0; i < sealedBatch.Ids.Count; i++)
            {
                _hashes[sealedBatch.Ids[i]] = sealedBatch.Hashes[i];
            }
        }

        if (batches.Count == 0)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        var stream = _grain.GetStreamProvider(EncProviderNames.Streams)
            .GetStream<ReceiptBatchMessage>(StreamId.Create(LedgerStreams.Namespace, LedgerStreams.Key));
        try
        {
            foreach (var sealedBatch in batches)
            {
                var batch = sealedBatch.Batch;
                // Bounded: a silo shutting down must not hang on its stream; the receipts stay in the outbox.
                await stream.OnNextAsync(new ReceiptBatchMessage
                {
                    Emitter = _grain.GetGrainId(),
                    SignerNodeId = Identity.NodeName,
                    SignerPublicKey = batch.SignerPublicKey,
                    Receipts = batch.Receipts,
                    Signature = batch.Signature,
                }).WaitAsync(PublishTimeout);
                foreach (var id in sealedBatch.Ids)
                {
                    _inFlight[id] = now;
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The receipts are durable in the outbox; the retry timer or the reminder publishes them again.
            LogPublishFailed(ex, _grain.GetGrainId(), batches.Sum(b => b.Ids.Count));
        }
    }

    private async Task EnsureReminderAsync()
    {
        if (!_reminderRegistered)
        {
            await _grain.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
            _reminderRegistered = true;
        }
    }

    private void EnsureRetryTimer()
    {
        _retryTimer ??= _grain.RegisterGrainTimer(RetryAsync, new GrainTimerCreationOptions(_options.RetryInterval, _options.RetryInterval) { Interleave = false });
    }

    private async Task RetryAsync()
    {
        if (!Outbox.HasPending)
        {
            _retryTimer?.Dispose();
            _retryTimer = null;
            return;
        }

        var stale = DateTimeOffset.UtcNow - _options.RetryInterval;
        if (Outbox.Pending.Any(p => !_inFlight.TryGetValue(p.Id, out var sent) || sent <= stale))
        {
            _inFlight.Clear();
            await PublishAsync(onlyNew: false);
        }
    }
}
