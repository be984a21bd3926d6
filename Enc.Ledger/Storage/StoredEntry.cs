using Enc.Ledger.Receipts;

namespace Enc.Ledger.Storage;

/// <summary>One ledger entry: a receipt at its position in the ledger's Merkle tree.</summary>
public sealed class StoredEntry
{
    /// <summary>0-based position (leaf index) in the ledger.</summary>
    public required long Position { get; init; }

    /// <summary>The receipt id (unique in the ledger).</summary>
    public required Guid ReceiptId { get; init; }

    /// <summary>The batch that brought the receipt.</summary>
    public required long BatchSequence { get; init; }

    /// <summary>The receipt's index inside its batch.</summary>
    public required int BatchIndex { get; init; }

    /// <summary>The receipt's subject (copied from the encoding for lookups).</summary>
    public required string Subject { get; init; }

    /// <summary>The receipt's kind (copied from the encoding for lookups).</summary>
    public required ReceiptKind Kind { get; init; }

    /// <summary>The receipt hash, <c>SHA-256(0x00 || encoding)</c>.</summary>
    public required byte[] LeafHash { get; init; }

    /// <summary>The receipt's canonical encoding.</summary>
    public required byte[] Encoding { get; init; }
}
