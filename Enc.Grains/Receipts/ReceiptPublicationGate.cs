namespace Enc.Grains.Receipts;

/// <summary>
/// Says whether this silo may publish receipts and report ledger outcomes now: only while it is an active cluster
/// member and has not begun to stop. Outside that window Orleans places no grain on this silo (placement considers
/// active silos only), so the receipt stream's queue grain or an emitter that moved away could have nowhere to go
/// and the call would fail with "No active nodes are compatible". Receipts wait in their grain's durable outbox
/// instead: the grain's next activation on an active silo, its reminder or its retry timer publishes them.
/// </summary>
/// <remarks>
/// The gate closes when the silo's <see cref="ServiceLifecycleStage.BecomeActive"/> stage begins to stop: after
/// every <see cref="ServiceLifecycleStage.Active"/> participant stopped (the node agent has published its node's
/// Left receipt by then) and as membership marks the silo ShuttingDown. Outcomes and retries arriving later wait in
/// the outboxes for the grain's next activation on a remaining silo (or the next start).
/// </remarks>
public sealed class ReceiptPublicationGate(IClusterMembershipService membership, ILocalSiloDetails silo) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The lifecycle stage this gate closes at (stopping runs from the highest stage down).</summary>
    public const int ClosingStage = ServiceLifecycleStage.BecomeActive;

    private volatile bool _stopping;

    /// <summary>True while this silo is an active cluster member that has not begun to stop.</summary>
    public bool IsOpen => !_stopping && membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) == SiloStatus.Active;

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(
        nameof(ReceiptPublicationGate),
        ClosingStage,
        _ => Task.CompletedTask,
        _ =>
        {
            _stopping = true;
            return Task.CompletedTask;
        });
}
