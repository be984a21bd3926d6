using Enc.Grains.Consensus.Scheduling;
using Enc.Grains.Interfaces.Hosting;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Interfaces.Ledger;
using Enc.Grains.Receipts;
using Enc.Ledger.Receipts;
using Enc.Grains.Scheduling;
using Enc.Grains.Workloads.Options;
using Enc.Grains.Workloads.Placement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Workloads;

/// <summary>
/// One workload: a thin shell over <see cref="WorkloadPlanner"/> that persists after every change (and only
/// then: an operation that left the record's <see cref="WorkloadRecord.Revision"/> as last written skips the write),
/// places Pending instances through <see cref="IWorkloadPlacementPolicy"/> with an atomic reservation on
/// the chosen node grain (<see cref="PendingInstancePlacer"/>), keeps its last scheduling decisions for
/// <c>enc explain</c>, and parks unplaced instances in the unschedulable queue until a cluster change
/// may let them fit (with a slow safety retry). Every planner event that changes state records one receipt
/// (<see cref="WorkloadReceipts"/>) in the same state write. Instances an operation ended give their node
/// reservations back through <see cref="TerminalInstanceReleaser"/> in that operation (bounded by
/// <see cref="EncWorkloadOptions.ReleaseTimeout"/>); a release that failed or timed out is retried by the same
/// timer and, across deactivations, by the reminder <see cref="ReleaseRetryReminder"/>, never by a later user
/// call. Delete forgets the workload only once every reservation is back.
/// </summary>
public sealed partial class WorkloadGrain : Grain, IWorkloadGrain, IReceiptEmitterGrain, IRemindable
{
    private readonly IPersistentState<WorkloadRecord> _state;
    private readonly IPersistentState<WorkloadDecisionsRecord> _decisions;
    private readonly IWorkloadPlacementPolicy _placement;
    private readonly IPlacementCluster _cluster;
    private readonly ReceiptEmitter _receipts;
    private readonly TerminalInstanceReleaser _releaser;
    private readonly ILogger<WorkloadGrain> _logger;
    private readonly TimeSpan _pendingRetryInterval;
    private readonly TimeSpan _releaseRetryReminderPeriod;
    private IGrainTimer? _retry;
    private bool _releaseReminderRegistered;
    private string? _reportingNode;
    private long _writtenRevision;

    /// <summary>Creates the grain.</summary>
    public WorkloadGrain(
        [PersistentState("workload", EncProviderNames.GrainStorage)] IPersistentState<WorkloadRecord> state,
        [PersistentState("workload-decisions", EncProviderNames.GrainStorage)] IPersistentState<WorkloadDecisionsRecord> decisions,
        IWorkloadPlacementPolicy placement,
        IPlacementCluster cluster,
        ReceiptEmitterFactory receipts,
        ILogger<TerminalInstanceReleaser> releaseLogger,
        ILogger<WorkloadGrain> logger,
        IOptions<EncWorkloadOptions> options)
    {
        _state = state;
        _decisions = decisions;
        _placement = placement;
        _cluster = cluster;
        _receipts = receipts.Create(this, () => _state.State.Receipts, WriteStateAsync);
        _releaser = new TerminalInstanceReleaser(cluster, releaseLogger, options.Value.ReleaseTimeout);
        _logger = logger;
        _pendingRetryInterval = options.Value.PendingRetryInterval;
        _releaseRetryReminderPeriod = options.Value.ReleaseRetryReminderPeriod;
    }

    private WorkloadPlanner Planner => new(_state.State, () => DateTimeOffset.UtcNow, () => Guid.NewGuid().ToString("N")[..8], RecordReceipt);

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _writtenRevision = _state.State.Revision; // storage has read the record before activation

        // A stored pending release or deletion (left by an activation that ended, or a silo that died, before
        // finishing it) is retried at once, whatever woke the grain: a reminder, a read or an agent report.
        if (ReleasesWait(Planner))
        {
            UpdateRetryTimer(needed: true, firstAfter: TimeSpan.Zero);
        }

        return _receipts.OnActivateAsync();
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A change whose write failed (a placement already reserved on a node) gets one more chance before the
        // activation, and with it the only copy of that change, goes away.
        if (_state.State.Revision != _writtenRevision)
        {
            try
            {
                await WriteStateAsync();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogUnwrittenChangeLost(ex, this.GetPrimaryKeyString());
            }
        }

        await _receipts.OnDeactivateAsync();
    }

    Task IReceiptEmitterGrain.OnReceiptsSettledAsync(LedgerAppendOutcome outcome) => _receipts.OnSettledAsync(outcome);

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        ReceiptEmitter.ReminderName => _receipts.OnReminderAsync(),
        ReleaseRetryReminder => OnReleaseRetryReminderAsync(),
        _ => Task.CompletedTask,
    };

    async Task<WorkloadSnapshot> IWorkloadGrain.ApplyAsync(WorkloadSpec spec, bool allowUpdate)
    {
        if (spec.Id != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"spec {spec.Id} sent to workload {this.GetPrimaryKeyString()}", nameof(spec));
        }

        var isNew = !Planner.Exists;
        var start = Begin();
        if (Planner.Apply(spec, allowUpdate))
        {
            if (isNew)
            {
                try
                {
                    await GrainFactory.GetGrain<IWorkloadRegistryGrain>(IWorkloadRegistryGrain.DefaultKey).AddAsync(spec.Id);
                }
                catch
                {
                    _state.State = start.Before; // nothing was written or asked of a node: the workload does not exist
                    throw;
                }
            }

            await ConvergeAsync(start);
        }

        return Planner.Snapshot()!;
    }

    Task<WorkloadSnapshot?> IWorkloadGrain.GetAsync() => Task.FromResult(Planner.Snapshot());

    // Memory, not storage: a placement whose write failed is still this activation's (the retry timer writes it),
    // so its reservation is held; once the activation is gone the stored record decides.
    Task<bool> IWorkloadGrain.HoldsInstanceAsync(string instanceId, string nodeName) =>
        Task.FromResult(_state.State.Instances.Exists(i => i.InstanceId == instanceId && i.NodeName == nodeName));

    async Task<bool> IWorkloadGrain.StopAsync()
    {
        if (!Planner.Exists)
        {
            return false;
        }

        var start = Begin();
        Planner.Stop("stopped by request");
        await ConvergeAsync(start);
        return true;
    }

    // Deletion is accepted at once (the workload stops, event Stopped "deleted"); the grain forgets the workload
    // in the same call when every node reservation is back, else when the last pending release succeeds (retried
    // by the timer and the reminder). Until then it stays listed, stopped, and refuses apply. A repeated delete
    // adds no event or receipt and does not wait for the pending releases: it asks the retry timer to run now.
    async Task<bool> IWorkloadGrain.DeleteAsync()
    {
        if (!Planner.Exists)
        {
            return false;
        }

        var start = Begin();
        if (Planner.Delete(WorkloadReceipts.DeletedReason))
        {
            await ConvergeAsync(start);
        }
        else
        {
            await SettleAsync(Planner, start, retryEarlierReleases: false);
            _retry?.Change(TimeSpan.Zero, _pendingRetryInterval);
        }

        return true;
    }

    async Task IWorkloadGrain.ReportAsync(string nodeName, IReadOnlyList<InstanceStatusReport> reports)
    {
        _reportingNode = nodeName; // receipts of observed instance changes name the reporting node as actor
        try
        {
            await ApplyReportsAsync(nodeName, reports);
        }
        finally
        {
            _reportingNode = null;
        }
    }

    private async Task ApplyReportsAsync(string nodeName, IReadOnlyList<InstanceStatusReport> reports)
    {
        var start = Begin();
        var planner = Planner;
        foreach (var report in reports)
        {
            planner.Report(nodeName, report);
        }

        // Only the instances this report ended are released here; a release left pending earlier is the retry
        // timer's and reminder's (a report never waits on another node). A release that succeeded is recorded on
        // the instance and not repeated, so an unchanged report makes no node call and no state write.
        await ConvergeAsync(start);
    }

    async Task IWorkloadGrain.EvacuateNodesAsync(IReadOnlyList<string> downNodes)
    {
        // The lost instances are released like every stopped one: a down node's grains still take the release
        // (they live on any silo), so the node's record gives the reservation back even if the host never returns.
        var start = Begin();
        if (Planner.NodesLost(downNodes.ToHashSet(StringComparer.Ordinal)).Count > 0)
        {
            await ConvergeAsync(start);
        }
    }

    async Task<bool> IWorkloadGrain.EvictAsync(InstanceEviction eviction)
    {
        // One event kind for every cause ("Evicted"; the reason tells preemption from taints): it is the event the receipts map to InstanceEvicted.
        var start = Begin();
        if (Planner.Evict(eviction.InstanceId, eviction.NodeName, "Evicted", eviction.Reason) is null)
        {
            return false;
        }

        await ConvergeAsync(start);
        return true;
    }

    Task IWorkloadGrain.RetryPendingAsync() => RetryPendingAsync();

    // Retries every pending release (bounded: the releases run side by side, each within the release timeout),
    // places what is still Pending and finishes a deletion: the grain call, the retry timer and the release reminder.
    private Task RetryPendingAsync() => SettleAsync(Planner, Begin(), retryEarlierReleases: true);

    Task<IReadOnlyList<SchedulingExplanation>> IWorkloadGrain.GetDecisionsAsync() =>
        Task.FromResult<IReadOnlyList<SchedulingExplanation>>(_decisions.State.Decisions.ToList());

    Task<IReadOnlyList<WorkloadEvent>> IWorkloadGrain.GetEventsAsync() => Task.FromResult<IReadOnlyList<WorkloadEvent>>(_state.State.Events.ToList());

    private async Task PlacePendingAsync(WorkloadPlanner planner)
    {
        if (planner.Pending().Count == 0 || _state.State.Spec is not { } spec)
        {
            return;
        }

        if (ConsensusPlacementRequests.Applies(spec))
        {
            await ConsensusPlacementRequests.SubmitAsync(GrainFactory, planner, spec);
            return;
        }

        var outcome = await new PendingInstancePlacer(_placement, _cluster).PlaceAsync(planner, spec);
        if (new WorkloadDecisionLog(_decisions.State).Add(outcome.Decisions))
        {
            await _decisions.WriteStateAsync();
        }

        if (outcome.Placed > 0)
        {
            await ClusterChanges.NotifyAsync(GrainFactory, ClusterChangeKinds.InstanceAdded);
        }

        if (outcome.StillPending > 0)
        {
            await GrainFactory.GetGrain<IPendingPlacementsGrain>(IPendingPlacementsGrain.DefaultKey).ParkAsync(spec.Id, outcome.WakeOn);
        }
    }

    async Task IWorkloadGrain.BindConsensusPlacementAsync(Interfaces.Consensus.ConsensusPlacementBinding binding)
    {
        var planner = Planner;
        if (_state.State.Spec is not { } spec || !await ConsensusPlacementBinder.BindAsync(_cluster, planner, spec, binding))
        {
            await WriteIfChangedAsync();
            return;
        }

        await WriteIfChangedAsync();
        await _receipts.FlushAsync();
        await ClusterChanges.NotifyAsync(GrainFactory, ClusterChangeKinds.InstanceAdded);
    }

    // Every state write goes through here (the receipt emitter's too), so the last written revision is known.
    // Until the write succeeds nothing is known to be stored: a failed write is retried by the next
    // WriteIfChangedAsync even when the change came from outside the planner (the receipt emitter confirming or
    // resetting its outbox changes the state without moving the revision).
    private async Task WriteStateAsync()
    {
        var revision = _state.State.Revision;
        _writtenRevision = -1;
        await _state.WriteStateAsync();
        _writtenRevision = revision;
    }

    // Skips the storage round trip when nothing changed since the last write (an unchanged agent report, a
    // retry that placed nothing new). After a failed write no revision counts as written, so the next call writes.
    private Task WriteIfChangedAsync() => _state.State.Revision == _writtenRevision ? Task.CompletedTask : WriteStateAsync();

    private void UpdateRetryTimer(bool needed, TimeSpan? firstAfter = null)
    {
        if (needed && _retry is null)
        {
            _retry = this.RegisterGrainTimer(
                () => RetryPendingAsync(),
                new GrainTimerCreationOptions(firstAfter ?? _pendingRetryInterval, _pendingRetryInterval) { Interleave = false });
        }
        else if (!needed && _retry is not null)
        {
            _retry.Dispose();
            _retry = null;
        }
    }

    private void RecordReceipt(WorkloadEvent e)
    {
        if (WorkloadReceipts.For(this.GetPrimaryKeyString(), e, _state.State.Spec, _state.State.SpecVersion) is var (kind, subject, payload))
        {
            _receipts.Record(kind, subject, payload, _reportingNode is { } node ? ReceiptSubjects.Node(node) : null);
        }
    }
}
