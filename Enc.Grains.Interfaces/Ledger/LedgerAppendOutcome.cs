namespace Enc.Grains.Interfaces.Ledger;

/// <summary>What the ledger did with one receipt batch.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Ledger.LedgerAppendOutcome")]
public sealed record LedgerAppendOutcome
{
    /// <summary>True when every receipt of the batch is now in the ledger (appended now or before).</summary>
    [Id(0)] public required bool Accepted { get; init; }

    /// <summary>For rejections: a reason constant (for example <c>BadSignature</c>, <c>UnregisteredSigner</c>, <c>ChainLinkMismatch</c>).</summary>
    [Id(1)] public string? Reason { get; init; }

    /// <summary>For rejections: explanation naming the receipt index or field.</summary>
    [Id(2)] public string? Detail { get; init; }

    /// <summary>Receipts appended by this call.</summary>
    [Id(3)] public int AppendedCount { get; init; }

    /// <summary>Receipts skipped because they were already stored.</summary>
    [Id(4)] public int DuplicateCount { get; init; }

    /// <summary>Ids of the receipts of the batch, in batch order (empty when the batch could not be decoded).</summary>
    [Id(5)] public IReadOnlyList<Guid> ReceiptIds { get; init; } = [];

    /// <summary>Ledger position of the first appended receipt, when any was appended.</summary>
    [Id(6)] public long? FirstPosition { get; init; }
}
