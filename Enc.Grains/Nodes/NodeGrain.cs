using Enc.Grains.Hosting;
using Enc.Grains.Interfaces.Hosting;
using Enc.Grains.Interfaces.Ledger;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Nodes.Placement;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Nodes.Options;
using Enc.Grains.Receipts;
using Enc.Ledger.Receipts;
using Enc.Grains.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Enc.Grains.Nodes;

/// <summary>
/// One node; a thin shell over <see cref="NodeLifecycle"/> that persists after every change. Every status
/// change records one receipt (<see cref="NodeReceipts"/>) in the same state write.
/// </summary>
[NodeSiloPlacement]
public sealed partial class NodeGrain : Grain, INodeGrain, IReceiptEmitterGrain, IRemindable
{
    private readonly IPersistentState<NodeRecord> _state;
    private readonly TimeProvider _time;
    private readonly ILocalSiloDetails _silo;
    private readonly NodeHealthThresholds _thresholds;
    private readonly ReceiptEmitter _receipts;
    private readonly ILogger<NodeGrain> _logger;
    private readonly TimeSpan _auditInterval;
    private readonly TimeSpan _firstAudit;

    /// <summary>Creates the grain.</summary>
    public NodeGrain(
        [PersistentState("node", EncProviderNames.GrainStorage)] IPersistentState<NodeRecord> state,
        [FromKeyedServices(EncTimeProviderNames.Nodes)] TimeProvider time,
        ILocalSiloDetails silo,
        IOptions<EncNodeOptions> options,
        ReceiptEmitterFactory receipts,
        ILogger<NodeGrain> logger)
    {
        _state = state;
        _logger = logger;
        _time = time;
        _silo = silo;
        _thresholds = new NodeHealthThresholds(options.Value.NotReadyAfter, options.Value.DownAfter);
        _auditInterval = options.Value.ReservationAuditInterval;
        _firstAudit = options.Value.ReservationAuditInitialDelay;
        _receipts = receipts.Create(this, () => _state.State.Receipts, () => _state.WriteStateAsync(), () => _state.ReadStateAsync());
    }

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Node.StampUnstamped(Now);
        StartReservationAudits();
        return _receipts.OnActivateAsync();
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _receipts.OnDeactivateAsync();

    async Task<NodeSnapshot> INodeGrain.RegisterAsync(NodeRegistration registration)
    {
        NodeRegistrationValidator.ThrowIfInvalid(registration);
        if (registration.PublicKey is { } publicKey)
        {
            // The key must be accepted by the ledger (proof of possession verified) before the node may join.
            var outcome = await GrainFactory.GetGrain<ILedgerGrain>(ILedgerGrain.DefaultKey)
                .RegisterSignerAsync(this.GetPrimaryKeyString(), publicKey, registration.ProofOfPossession!);
            if (!outcome.Accepted)
            {
                throw new ArgumentException(
                    $"{nameof(NodeRegistration.ProofOfPossession)}: the ledger refused the node's signing key ({outcome.Reason}).", nameof(registration));
            }
        }

        var snapshot = await UpdateAsync(node =>
        {
            node.Register(registration, Now, () => Guid.NewGuid().ToString("N"));
            return (node.ToSnapshot()!, true);
        });
        await GrainFactory.GetGrain<INodeRegistryGrain>(INodeRegistryGrain.DefaultKey).AddAsync(snapshot.Name);
        if (!string.Equals(_silo.Name, snapshot.Name, StringComparison.Ordinal))
        {
            // Activated away from home while the node's silo was absent: move home on next call.
            DeactivateOnIdle();
        }

        return snapshot;
    }

    async Task INodeGrain.MarkReadyAsync()
    {
        await UpdateAsync(node => (node.MarkReady(Now), true));
        await ClusterChanges.NotifyAsync(GrainFactory, ClusterChangeKinds.NodeAdded | ClusterChangeKinds.NodeStatusChanged);
    }

    // The heartbeat time is persisted so a moved or restarted activation judges silence correctly.
    async Task<bool> INodeGrain.HeartbeatAsync()
    {
        var (registered, revived) = await UpdateAsync(
            node => !node.IsRegistered ? ((false, false), false) : ((true, node.Heartbeat(Now)), true),
            placementRelevant: false);
        if (revived)
        {
            await ClusterChanges.NotifyAsync(GrainFactory, ClusterChangeKinds.NodeStatusChanged);
        }

        if (registered && _state.State.Taints.Any(t => t.Effect == Interfaces.Workloads.TaintEffect.NoExecute))
        {
            // Re-check NoExecute taints on every heartbeat: catches tolerationSeconds running out after the
            // eviction grain was deactivated, and instances placed since the last check.
            await GrainFactory.GetGrain<INodeEvictionGrain>(this.GetPrimaryKeyString()).EvaluateAsync();
        }

        return registered;
    }

    Task INodeGrain.MarkLeavingAsync() => UpdateAsync(node => (true, node.MarkLeaving(Now)));

    Task<NodeStatus> INodeGrain.EvaluateHealthAsync(bool siloLeftMembership) => UpdateAsync(node =>
    {
        var changed = node.EvaluateHealth(Now, siloLeftMembership, _thresholds);
        return (node.Record.Status, changed);
    });

    Task<bool> INodeGrain.TryAssignWorkloadAsync(string workloadId, ResourceQuantities request) => ReserveAsync(null, workloadId, request, []);

    Task<bool> INodeGrain.TryAssignPreemptingAsync(string instanceId, ResourceQuantities request, IReadOnlyList<string> victims) => UpdateAsync(node =>
    {
        var assigned = node.TryAssignWorkload(instanceId, request, victims);
        if (assigned)
        {
            node.StampReserved(null, instanceId, victims, Now);
        }

        return (assigned, assigned);
    });

    async Task<NodeSnapshot> INodeGrain.UpdateMarkingsAsync(NodeMarkingChange change)
    {
        var result = await UpdateAsync(node =>
        {
            if (!node.IsRegistered)
            {
                throw new InvalidOperationException($"Node '{node.Name}' is not registered.");
            }

            var applied = NodeMarkings.Apply(node.Record, change, Now);
            return (applied, applied.Changed);
        });
        var kinds = (result.LabelsChanged ? ClusterChangeKinds.NodeLabelsChanged : 0) | (result.TaintsChanged ? ClusterChangeKinds.NodeTaintsChanged : 0);
        if (kinds != ClusterChangeKinds.None)
        {
            await ClusterChanges.NotifyAsync(GrainFactory, kinds);
        }

        if (result.HasNoExecute)
        {
            // Evicting calls back into this grain (releasing reservations): run it in the node's eviction grain.
            await GrainFactory.GetGrain<INodeEvictionGrain>(this.GetPrimaryKeyString()).EvaluateAsync();
        }

        return Node.ToSnapshot()!;
    }

    Task INodeGrain.UnassignWorkloadAsync(string workloadId) => UpdateAsync(node => (true, node.UnassignWorkload(workloadId)));

    Task<NodeSnapshot?> INodeGrain.GetAsync() => Task.FromResult(Node.ToSnapshot());

    Task IReceiptEmitterGrain.OnReceiptsSettledAsync(LedgerAppendOutcome outcome) => _receipts.OnSettledAsync(outcome);

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) =>
        ReceiptEmitter.IsReminder(reminderName) ? _receipts.OnReminderAsync() : Task.CompletedTask;

    private DateTimeOffset Now => _time.GetUtcNow();

    // Storage replaces the State object on read, so wrap the current one on every call.
    private NodeLifecycle Node => new(this.GetPrimaryKeyString(), _state.State);

    /// <summary>
    /// Applies <paramref name="operation"/> (returning its result and whether state changed), records the
    /// receipt of a status change, persists a change, and records it in the registry's change log unless it
    /// is not <paramref name="placementRelevant"/> (a heartbeat that changed no status). On a version conflict (another activation wrote
    /// meanwhile, possible while the cluster membership changes) the state is re-read and the operation applied
    /// once more, so it is decided on the latest state and never overwrites a newer one.
    /// </summary>
    private async Task<T> UpdateAsync<T>(Func<NodeLifecycle, (T Result, bool Changed)> operation, bool placementRelevant = true)
    {
        var statusBefore = _state.State.Status;
        var (result, changed) = Apply(operation);
        if (!changed)
        {
            return result;
        }

        try
        {
            try
            {
                await _state.WriteStateAsync();
            }
            catch (InconsistentStateException)
            {
                await ReadStoredStateAsync();
                (result, changed) = Apply(operation);
                if (!changed)
                {
                    return result;
                }

                await _state.WriteStateAsync();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await DiscardUnwrittenChangeAsync();
            throw;
        }

        await _receipts.FlushAsync();
        if (placementRelevant || _state.State.Status != statusBefore)
        {
            await NodeChanges.NotifyAsync(GrainFactory, this.GetPrimaryKeyString(), _logger);
        }

        return result;
    }

    // A change whose write failed exists in memory only. Keeping it would let the caller's retry find it already
    // made (and write nothing) and let the next unrelated write (a heartbeat) persist a change its caller saw fail,
    // such as a reservation it was told was not made. So the stored state is read back; when even that fails, the
    // activation ends and the next call starts from storage.
    private async Task DiscardUnwrittenChangeAsync()
    {
        try
        {
            await ReadStoredStateAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogStateRereadFailed(ex, this.GetPrimaryKeyString());
            DeactivateOnIdle();
        }
    }

    private (T Result, bool Changed) Apply<T>(Func<NodeLifecycle, (T Result, bool Changed)> operation)
    {
        var node = Node;
        var before = node.Record.History.LastOrDefault();
        var outcome = operation(node);
        if (node.Record.History.LastOrDefault() is { } change && !ReferenceEquals(change, before))
        {
            var (kind, payload) = NodeReceipts.For(node.Name, change, node.Record.PublicKey);
            _receipts.Record(kind, ReceiptSubjects.Node(node.Name), payload);
        }

        return outcome;
    }
}
