using Enc.Grains.Consensus.Scheduling;
using Enc.Grains.Interfaces.Hosting;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Interfaces.Ledger;
using Enc.Grains.Receipts;
using Enc.Ledger.Receipts;
using Enc.Grains.Scheduling;
using Enc.Grains.Workloads.Placement;
using Microsoft.Extensions.Logging;

namespace Enc.Grains.Workloads;

/// <summary>
/// One workload: a thin shell over <see cref="WorkloadPlanner"/> that persists after every change (and only
/// then: an operation that left the record's <see cref="WorkloadRecord.Revision"/> as last written skips the write),
/// places Pending instances through <see cref="IWorkloadPlacementPolicy"/> with an atomic reservation on
/// the chosen node grain (<see cref="PendingInstancePlacer"/>), keeps its last scheduling decisions for
/// <c>enc explain</c>, and parks unplaced instances in the unschedulable queue until a cluster change
/// may let them fit (with a slow safety retry). Every planner event that changes state records one receipt
/// (<see cref="WorkloadReceipts"/>) in the same state write. Ended instances give their node reservations back
/// through <see cref="TerminalInstanceReleaser"/> after every operation; a release that failed is retried by the
/// same timer and, across deactivations, by the reminder <see cref="ReleaseRetryReminder"/>. Delete forgets the
/// workload only once every reservation is back.
/// </summary>
public sealed partial class WorkloadGrain : Grain, IWorkloadGrain, IReceiptEmitterGrain, IRemindable
{
    private static readonly TimeSpan PendingRetry = TimeSpan.FromSeconds(30);
    private readonly IPersistentState<WorkloadRecord> _state;
    private readonly IPersistentState<WorkloadDecisionsRecord> _decisions;
    private readonly IWorkloadPlacementPolicy _placement;
    private readonly IPlacementCluster _cluster;
    private readonly ReceiptEmitter _receipts;
    private readonly TerminalInstanceReleaser _releaser;
    private readonly ILogger<WorkloadGrain> _logger;
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
        ILogger<WorkloadGrain> logger)
    {
        _state = state;
        _decisions = decisions;
        _placement = placement;
        _cluster = cluster;
        _receipts = receipts.Create(this, () => _state.State.Receipts, WriteStateAsync);
        _releaser = new TerminalInstanceReleaser(cluster, releaseLogger);
        _logger = logger;
    }

    private WorkloadPlanner Planner => new(_state.State, () => DateTimeOffset.UtcNow, () => Guid.NewGuid().ToString("N")[..8], RecordReceipt);

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _writtenRevision = _state.State.Revision; // storage has read the record before activation
        return _receipts.OnActivateAsync();
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _receipts.OnDeactivateAsync();

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
        if (Planner.Apply(spec, allowUpdate))
        {
            if (isNew)
            {
                await GrainFactory.GetGrain<IWorkloadRegistryGrain>(IWorkloadRegistryGrain.DefaultKey).AddAsync(spec.Id);
            }

            await ConvergeAsync();
        }

        return Planner.Snapshot()!;
    }

    Task<WorkloadSnapshot?> IWorkloadGrain.GetAsync() => Task.FromResult(Planner.Snapshot());

    async Task<bool> IWorkloadGrain.StopAsync()
    {
        if (!Planner.Exists)
        {
            return false;
        }

        Planner.Stop("stopped by request");
        await ConvergeAsync();
        return true;
    }

    // Deletion is accepted at once (the workload stops, event Stopped "deleted"); the grain forgets the workload
    // in the same call when every node reservation is back, else when the last pending release succeeds (retried
    // by the timer and the reminder). Until then it stays listed, stopped, and refuses apply. A repeated delete
    // only retries (no second event or receipt).
    async Task<bool> IWorkloadGrain.DeleteAsync()
    {
        if (!Planner.Exists)
        {
            return false;
        }

        if (Planner.Delete(WorkloadReceipts.DeletedReason))
        {
            await ConvergeAsync();
        }
        else
        {
            UpdateRetryTimer(await RetryPendingAsync());
        }

        return true;
    }

    private async Task FinishDeletionIfReleasedAsync(WorkloadPlanner planner)
    {
        if (!planner.Deleting || planner.PendingReleases().Count > 0)
        {
            return;
        }

        // The record is emptied, not cleared: its receipt outbox and subject chain heads outlive the workload.
        // Its revision moves on (never back), so a later write-if-changed compares against a fresh number.
        // When the write fails the deleting record is put back, so memory keeps matching storage and the next
        // delete, report or retry finishes the job; the registry forgets the name only once the write succeeded.
        var deleting = _state.State;
        _state.State = new WorkloadRecord { Receipts = deleting.Receipts, Revision = deleting.Revision + 1 };
        try
        {
            await WriteStateAsync();
        }
        catch
        {
            deleting.Receipts = _state.State.Receipts;
            _state.State = deleting;
            throw;
        }

        await GrainFactory.GetGrain<IWorkloadRegistryGrain>(IWorkloadRegistryGrain.DefaultKey).RemoveAsync(this.GetPrimaryKeyString());
        await _decisions.ClearStateAsync();
        DeactivateOnIdle();
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
        var planner = Planner;
        foreach (var report in reports)
        {
            planner.Report(nodeName, report);
        }

        // Convergence releases by state (ended and not yet released), not only on the transition, so that a
        // release that failed is retried with the next report; one that succeeded is recorded on the instance
        // and not repeated. An unchanged report therefore makes no node call and no state write.
        await ConvergeAsync();
    }

    async Task IWorkloadGrain.EvacuateNodesAsync(IReadOnlyList<string> downNodes)
    {
        // The lost instances are released like every stopped one: a down node's grains still take the release
        // (they live on any silo), so the node's record gives the reservation back even if the host never returns.
        if (Planner.NodesLost(downNodes.ToHashSet(StringComparer.Ordinal)).Count > 0)
        {
            await ConvergeAsync();
        }
    }

    async Task<bool> IWorkloadGrain.EvictAsync(InstanceEviction eviction)
    {
        // One event kind for every cause ("Evicted"; the reason tells preemption from taints): it is the event the receipts map to InstanceEvicted.
        if (Planner.Evict(eviction.InstanceId, eviction.NodeName, "Evicted", eviction.Reason) is null)
        {
            return false;
        }

        await ConvergeAsync();
        return true;
    }

    async Task IWorkloadGrain.RetryPendingAsync() => UpdateRetryTimer(await RetryPendingAsync());

    // Retries pending releases and places what is still Pending (the grain call, the retry timer and the release
    // reminder); returns whether some instance still waits for either.
    private Task<bool> RetryPendingAsync() => SettleAsync(Planner);

    Task<IReadOnlyList<SchedulingExplanation>> IWorkloadGrain.GetDecisionsAsync() =>
        Task.FromResult<IReadOnlyList<SchedulingExplanation>>(_decisions.State.Decisions.ToList());

    Task<IReadOnlyList<WorkloadEvent>> IWorkloadGrain.GetEventsAsync() => Task.FromResult<IReadOnlyList<WorkloadEvent>>(_state.State.Events.ToList());

    private async Task ConvergeAsync()
    {
        var planner = Planner;
        planner.Converge();
        UpdateRetryTimer(await SettleAsync(planner));
    }

    // The common tail of every operation and retry: give back ended instances' reservations (before placing: what
    // they held may fit the new ones), place what is pending, compact, write if changed, publish receipts, finish a
    // deletion whose releases are all back; returns whether some instance still waits for placement or release.
    private async Task<bool> SettleAsync(WorkloadPlanner planner)
    {
        await ReleaseEndedAsync(planner);
        await PlacePendingAsync(planner);
        planner.Compact();
        await WriteIfChangedAsync();
        await _receipts.FlushAsync();
        await FinishDeletionIfReleasedAsync(planner);
        return await StillWaitingAsync(planner);
    }

    // Gives back every pending node reservation; one that fails stays pending (logged by the releaser).
    private async Task ReleaseEndedAsync(WorkloadPlanner planner)
    {
        if (await _releaser.ReleaseAsync(planner) > 0)
        {
            await ClusterChanges.NotifyAsync(GrainFactory, ClusterChangeKinds.InstanceRemoved);
        }
    }

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

    private void UpdateRetryTimer(bool needed)
    {
        if (needed && _retry is null)
        {
            _retry = this.RegisterGrainTimer(
                async () => UpdateRetryTimer(await RetryPendingAsync()),
                new GrainTimerCreationOptions(PendingRetry, PendingRetry) { Interleave = false });
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
