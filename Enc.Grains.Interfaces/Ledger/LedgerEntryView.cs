namespace Enc.Grains.Interfaces.Ledger;

/// <summary>One ledger entry in a subject's history.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Ledger.LedgerEntryView")]
public sealed record LedgerEntryView
{
    /// <summary>Position (leaf index) in the ledger.</summary>
    [Id(0)] public required long Position { get; init; }

    /// <summary>The receipt id.</summary>
    [Id(1)] public required Guid ReceiptId { get; init; }

    /// <summary>The receipt's subject.</summary>
    [Id(2)] public required string Subject { get; init; }

    /// <summary>The receipt kind's numeric value (docs/receipts.md §5).</summary>
    [Id(3)] public required ushort Kind { get; init; }

    /// <summary>The receipt hash, <c>SHA-256(0x00 || encoding)</c>.</summary>
    [Id(4)] public required byte[] LeafHash { get; init; }

    /// <summary>The receipt's canonical encoding.</summary>
    [Id(5)] public required byte[] Encoding { get; init; }

    /// <summary>The batch that brought the receipt.</summary>
    [Id(6)] public required long BatchSequence { get; init; }
}
