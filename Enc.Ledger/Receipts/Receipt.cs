namespace Enc.Ledger.Receipts;

/// <summary>
/// The record of one state-changing operation. Its canonical bytes are <see cref="ReceiptEncoding"/>'s
/// (documented in <c>docs/receipts.md</c>); its hash, the per-subject chain and every signature are over those bytes.
/// </summary>
public sealed class Receipt
{
    /// <summary>Unique id, chosen by the emitter (deterministically per operation, so redelivery is idempotent).</summary>
    public required Guid Id { get; init; }

    /// <summary>What happened.</summary>
    public required ReceiptKind Kind { get; init; }

    /// <summary>What it happened to: <c>node/ID</c>, <c>workload/ID</c>, <c>instance/ID</c>, … (see <see cref="ReceiptSubjects"/>).</summary>
    public required string Subject { get; init; }

    /// <summary>Who caused it: the node id or client identity.</summary>
    public required string Actor { get; init; }

    /// <summary>When, on the emitter's hybrid logical clock.</summary>
    public required HybridLogicalTimestamp Timestamp { get; init; }

    /// <summary>SHA-256 of the operation's canonical payload (32 bytes).</summary>
    public required byte[] PayloadHash { get; init; }

    /// <summary>Hash (<see cref="ReceiptEncoding.Hash"/>) of the previous receipt on the same subject; 32 zero bytes for the first.</summary>
    public required byte[] PreviousHash { get; init; }

    /// <summary>The signing node's BLS public key (compressed G1, 48 bytes).</summary>
    public required byte[] SignerPublicKey { get; init; }

    /// <summary>True when this is the first receipt on its subject.</summary>
    public bool IsFirstOnSubject => PreviousHash.AsSpan().IndexOfAnyExcept((byte)0) < 0;

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Subject} by {Actor} at {Timestamp} ({Id})";
}
