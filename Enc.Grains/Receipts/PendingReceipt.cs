using Enc.Ledger.Receipts;

namespace Enc.Grains.Receipts;

/// <summary>
/// A receipt recorded by a grain but not yet confirmed by the ledger. Persisted in the grain's state together
/// with the state change it records, so the receipt is durable before the operation is acknowledged. The
/// fields fixed at the operation are kept; the chain link and the signer are bound when the outbox is sealed.
/// </summary>
[GenerateSerializer]
[Alias("Enc.Receipts.PendingReceipt")]
public sealed class PendingReceipt
{
    /// <summary>Receipt id, chosen when the operation happened (redelivery keeps it, so appends stay idempotent).</summary>
    [Id(0)] public required Guid Id { get; init; }

    /// <summary>What happened.</summary>
    [Id(1)] public required ReceiptKind Kind { get; init; }

    /// <summary>What it happened to (see <see cref="ReceiptSubjects"/>).</summary>
    [Id(2)] public required string Subject { get; init; }

    /// <summary>Who caused it.</summary>
    [Id(3)] public required string Actor { get; init; }

    /// <summary>Hybrid logical clock reading, wall part (Unix milliseconds).</summary>
    [Id(4)] public required long WallMilliseconds { get; init; }

    /// <summary>Hybrid logical clock reading, logical counter.</summary>
    [Id(5)] public required uint Counter { get; init; }

    /// <summary>SHA-256 of the operation's canonical payload (see <see cref="ReceiptPayload"/>).</summary>
    [Id(6)] public required byte[] PayloadHash { get; init; }

    /// <summary>Builds the receipt linked to <paramref name="previousHash"/> and naming <paramref name="signerPublicKey"/>.</summary>
    public Receipt ToReceipt(byte[] previousHash, byte[] signerPublicKey) => new()
    {
        Id = Id,
        Kind = Kind,
        Subject = Subject,
        Actor = Actor,
        Timestamp = new HybridLogicalTimestamp(WallMilliseconds, Counter),
        PayloadHash = PayloadHash,
        PreviousHash = previousHash,
        SignerPublicKey = signerPublicKey,
    };
}
