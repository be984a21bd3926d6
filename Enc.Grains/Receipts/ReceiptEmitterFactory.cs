using Enc.Grains.Ledger.Options;
using Enc.Ledger.Receipts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Receipts;

/// <summary>
/// Silo singleton that creates one <see cref="ReceiptEmitter"/> per grain activation. Holds what every
/// emitter on this silo shares: the node's signing identity and the hybrid logical clock.
/// </summary>
public sealed class ReceiptEmitterFactory(
    NodeIdentity identity,
    IGrainFactory grains,
    IOptions<EncLedgerOptions> options,
    ILoggerFactory loggers,
    ReceiptPublicationGate gate)
{
    /// <summary>The node's signing identity.</summary>
    public NodeIdentity Identity { get; } = identity;

    /// <summary>The silo's grain factory (emitters call the ledger grain).</summary>
    public IGrainFactory Grains { get; } = grains;

    /// <summary>The clock stamping receipts recorded on this silo.</summary>
    public HybridLogicalClock Clock { get; } = new(TimeProvider.System);

    /// <summary>Whether receipts may be published now (see <see cref="ReceiptPublicationGate"/>).</summary>
    public ReceiptPublicationGate Gate { get; } = gate;

    /// <summary>
    /// An emitter for <paramref name="grain"/>, whose persisted state holds the outbox returned by
    /// <paramref name="outbox"/> (read on every use: storage may replace the state object) and is written
    /// by <paramref name="writeState"/>; <paramref name="readState"/>, when given, re-reads that state (used when the
    /// write recording a settlement meets a newer stored version: another activation of the grain wrote meanwhile,
    /// possible while the cluster membership changes). The grain must implement <see cref="IReceiptEmitterGrain"/> and
    /// <see cref="IRemindable"/> and forward to the emitter (see <see cref="ReceiptEmitter"/>).
    /// </summary>
    public ReceiptEmitter Create(Grain grain, Func<ReceiptOutbox> outbox, Func<Task> writeState, Func<Task>? readState = null)
    {
        ArgumentNullException.ThrowIfNull(grain);
        if (grain is not IReceiptEmitterGrain || grain is not IRemindable)
        {
            throw new ArgumentException($"{grain.GetType().Name} must implement {nameof(IReceiptEmitterGrain)} and {nameof(IRemindable)}.", nameof(grain));
        }

        return new ReceiptEmitter(grain, outbox, writeState, readState, this, options.Value, loggers.CreateLogger<ReceiptEmitter>());
    }
}
