namespace Enc.Grains.Interfaces.Ledger;

/// <summary>
/// A batch of receipts signed by one node, as carried by the receipt stream: canonical receipt encodings
/// (docs/receipts.md) and one BLS signature over their batch Merkle root and count.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Ledger.ReceiptBatchMessage")]
public sealed record ReceiptBatchMessage
{
    /// <summary>The grain whose outbox produced the batch; the ledger reports the outcome to it. Null for direct submissions.</summary>
    [Id(0)] public GrainId? Emitter { get; init; }

    /// <summary>The signing node's name.</summary>
    [Id(1)] public required string SignerNodeId { get; init; }

    /// <summary>The signing node's BLS public key (compressed G1, 48 bytes).</summary>
    [Id(2)] public required byte[] SignerPublicKey { get; init; }

    /// <summary>Canonical receipt encodings, in batch order.</summary>
    [Id(3)] public required IReadOnlyList<byte[]> Receipts { get; init; }

    /// <summary>BLS signature (compressed G2, 96 bytes) over the batch message.</summary>
    [Id(4)] public required byte[] Signature { get; init; }
}
