using Enc.Grains.Ledger.Options;
using Enc.Ledger.Receipts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Receipts;

/// <summary>
/// Silo singleton that creates one <see cref="ReceiptEmitter"/> per grain activation. Holds what every
/// emitter on this silo shares: the node's signing identity and the hybrid logical clock.
/// </summary>
public sealed class ReceiptEmitterFactory(NodeIdentity identity, IGrainFactory grains, IOptions<EncLedgerOptions> options, ILoggerFactory loggers)
{
    /// <summary>The node's signing identity.</summary>
    public NodeIdentity Identity { get; } = identity;

    /// <summary>The silo's grain factory (emitters call the ledger grain).</summary>
    public IGrainFactory Grains { get; } = grains;

    /// <summary>The clock stamping receipts recorded on this silo.</summary>
    public HybridLogicalClock Clock { get; } = new(TimeProvider.System);

    /// <summary>
    /// An emitter for <paramref name="grain"/>, whose persisted state holds the outbox returned by
    /// <paramref name="outbox"/> (read on every use: storage may replace the state object) and is written
    /// by <paramref name="writeState"/>. The grain must implement <see cref="IReceiptEmitterGrain"/> and
    /// <see cref="IRemindable"/> and forward to the emitter (see <see cref="ReceiptEmitter"/>).
    /// </summary>
    public ReceiptEmitter Create(Grain grain, Func<ReceiptOutbox> outbox, Func<Task> writeState)
    {
        ArgumentNullException.ThrowIfNull(grain);
        if (grain is not IReceiptEmitterGrain || grain is not IRemindable)
        {
            throw new ArgumentException($"{grain.GetType().Name} must implement {nameof(IReceiptEmitterGrain)} and {nameof(IRemindable)}.", nameof(grain));
        }

        return new ReceiptEmitter(grain, outbox, writeState, this, options.Value, loggers.CreateLogger<ReceiptEmitter>());
    }
}
