namespace Enc.Grains.Receipts;

/// <summary>
/// Says whether this silo may publish receipts and report ledger outcomes now: only while it is an active cluster
/// member and has not begun to stop. Outside that window Orleans places no grain on this silo (placement considers
/// active silos only), so the receipt stream's queue grain or an emitter that moved away could have nowhere to go
/// and the call would fail with "No active nodes are compatible". Receipts wait in their grain's durable outbox
/// instead: the grain's next activation on an active silo, its reminder or its retry timer publishes them.
/// </summary>
/// <remarks>
/// The gate closes when the silo's <see cref="ServiceLifecycleStage.Active"/> stage begins to stop (this
/// participant runs one stage above it, so it stops first): membership marks the silo ShuttingDown a stage later,
/// and a publish already on its way then could not be placed. A node's Left receipt, recorded as its agent stops,
/// is therefore published by the node grain's next activation on a remaining silo (or at the next start).
/// </remarks>
public sealed class ReceiptPublicationGate(IClusterMembershipService membership, ILocalSiloDetails silo) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The lifecycle stage this gate closes at (stopping runs from the highest stage down).</summary>
    public const int ClosingStage = ServiceLifecycleStage.Active + 1;

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
