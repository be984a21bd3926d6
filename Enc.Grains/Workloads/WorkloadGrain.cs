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

namespace Enc.Grains.Workloads;

/// <summary>
/// One workload: a thin shell over <see cref="WorkloadPlanner"/> that persists after every change (and only
/// then: an operation that left the record's <see cref="WorkloadRecord.Revision"/> as last written skips the write),
/// places Pending instances through <see cref="IWorkloadPlacementPolicy"/> with an atomic reservation on
/// the chosen node grain (<see cref="PendingInstancePlacer"/>), keeps its last scheduling decisions for
/// <c>enc explain</c>, and parks unplaced instances in the unschedulable queue until a cluster change
/// may let them fit (with a slow safety retry). Every planner event that changes state records one receipt
/// (<see cref="WorkloadReceipts"/>) in the same state write.
/// </summary>
public sealed class WorkloadGrain : Grain, IWorkloadGrain, IReceiptEmitterGrain, IRemindable
{
    private static readonly TimeSpan PendingRetry = TimeSpan.FromSeconds(30);
    private readonly IPersistentState<WorkloadRecord> _state;
    private readonly IPersistentState<WorkloadDecisionsRecord> _decisions;
    private readonly IWorkloadPlacementPolicy _placement;
    private readonly IPlacementCluster _cluster;
    private readonly ReceiptEmitter _receipts;
    private IGrainTimer? _retry;
    private string? _reportingNode;
    private long _writtenRevision;

    /// <summary>Creates the grain.</summary>
    public WorkloadGrain(
        [PersistentState("workload", EncProviderNames.GrainStorage)] IPersistentState<WorkloadRecord> state,
        [PersistentState("workload-decisions", EncProviderNames.GrainStorage)] IPersistentState<WorkloadDecisionsRecord> decisions,
        IWorkloadPlacementPolicy placement,
        IPlacementCluster cluster,
        ReceiptEmitterFactory receipts)
    {
        _state = state;
        _decisions = decisions;
        _placement = placement;
        _cluster = cluster;
        _receipts = receipts.Create(this, () => _state.State.Receipts, WriteStateAsync);
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

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) =>
        ReceiptEmitter.IsReminder(reminderName) ? _receipts.OnReminderAsync() : Task.CompletedTask;

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

    async Task<bool> IWorkloadGrain.DeleteAsync()
    {
        if (!Planner.Exists)
        {
            return false;
        }

        Planner.Stop(WorkloadReceipts.DeletedReason);
        await ConvergeAsync();
        await GrainFactory.GetGrain<IWorkloadRegistryGrain>(IWorkloadRegistryGrain.DefaultKey).RemoveAsync(this.GetPrimaryKeyString());

        // The record is emptied, not cleared: its receipt outbox and subject chain heads outlive the workload.
        // Its revision moves on (never back), so a later write-if-changed compares against a fresh number.
        _state.State = new WorkloadRecord { Receipts = _state.State.Receipts, Revision = _state.State.Revision + 1 };
        await WriteStateAsync();
        await _decisions.ClearStateAsync();
        DeactivateOnIdle();
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
        var planner = Planner;
        foreach (var report in reports)
        {
            planner.Report(nodeName, report);
        }

        // Released by state (finished and not yet released), not only on the transition, so that a release
        // that failed is retried with the agent's next report; one that succeeded is recorded on the instance
        // and not repeated. An unchanged report therefore makes no node call and (below) no state write.
        var reported = reports.Select(r => r.InstanceId).ToHashSet(StringComparer.Ordinal);
        var released = await new FinishedInstanceReleaser(_cluster).ReleaseAsync(planner, nodeName, reported);
        await ConvergeAsync();
        if (released > 0)
        {
            await ClusterChanges.NotifyAsync(GrainFactory, ClusterChangeKinds.InstanceRemoved);
        }
    }

    async Task IWorkloadGrain.EvacuateNodesAsync(IReadOnlyList<string> downNodes)
    {
        var lost = Planner.NodesLost(downNodes.ToHashSet(StringComparer.Ordinal));
        if (lost.Count > 0)
        {
            await ReleaseAsync(lost);
            await ConvergeAsync();
        }
    }

    async Task<bool> IWorkloadGrain.EvictAsync(InstanceEviction eviction)
    {
        // One event kind for every cause ("Evicted"; the reason tells preemption from taints): it is the event the receipts map to InstanceEvicted.
        if (Planner.Evict(eviction.InstanceId, eviction.NodeName, "Evicted", eviction.Reason) is not { } evicted)
        {
            return false;
        }

        await ReleaseAsync([evicted]);
        await ConvergeAsync();
        return true;
    }

    Task IWorkloadGrain.RetryPendingAsync() => RetryPendingAsync();

    // Places what is still Pending (the grain call and the retry timer); returns whether some instance still waits.
    private async Task<bool> RetryPendingAsync()
    {
        var planner = Planner;
        if (planner.Pending().Count > 0)
        {
            await PlacePendingAsync(planner);
            await WriteIfChangedAsync();
            await _receipts.FlushAsync();
        }

        return planner.Pending().Count > 0;
    }

    Task<IReadOnlyList<SchedulingExplanation>> IWorkloadGrain.GetDecisionsAsync() =>
        Task.FromResult<IReadOnlyList<SchedulingExplanation>>(_decisions.State.Decisions.ToList());

    Task<IReadOnlyList<WorkloadEvent>> IWorkloadGrain.GetEventsAsync() => Task.FromResult<IReadOnlyList<WorkloadEvent>>(_state.State.Events.ToList());

    private async Task ConvergeAsync()
    {
        var planner = Planner;
        var (_, toStop) = planner.Converge();
        await ReleaseAsync(toStop);
        await PlacePendingAsync(planner);
        planner.Compact();
        await WriteIfChangedAsync();
        await _receipts.FlushAsync();
        UpdateRetryTimer(planner.Pending().Count > 0);
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

    private async Task ReleaseAsync(IEnumerable<WorkloadInstance> stopped)
    {
        var planner = Planner;
        foreach (var instance in stopped.Where(i => i.NodeName is not null))
        {
            await GrainFactory.GetGrain<INodeInstancesGrain>(instance.NodeName!).UnassignAsync(instance.InstanceId);
            await GrainFactory.GetGrain<INodeGrain>(instance.NodeName!).UnassignWorkloadAsync(instance.InstanceId);
            planner.MarkReleased(instance.InstanceId);
        }

        if (stopped.Any(i => i.NodeName is not null))
        {
            await ClusterChanges.NotifyAsync(GrainFactory, ClusterChangeKinds.InstanceRemoved);
        }
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
