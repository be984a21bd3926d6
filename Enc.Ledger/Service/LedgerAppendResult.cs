namespace Enc.Ledger.Service;

/// <summary>What <see cref="LedgerService.AppendAsync"/> did with a batch.</summary>
public sealed record LedgerAppendResult
{
    /// <summary>The outcome.</summary>
    public required LedgerAppendStatus Status { get; init; }

    /// <summary>For <see cref="LedgerAppendStatus.Rejected"/>: a <see cref="LedgerRejectionReasons"/> constant.</summary>
    public string? Reason { get; init; }

    /// <summary>For rejections: a human-readable explanation naming the receipt index or field.</summary>
    public string? Detail { get; init; }

    /// <summary>Sequence number the batch got (when appended).</summary>
    public long? BatchSequence { get; init; }

    /// <summary>Position of the first appended receipt (when any was appended).</summary>
    public long? FirstPosition { get; init; }

    /// <summary>Receipts newly appended.</summary>
    public int AppendedCount { get; init; }

    /// <summary>Receipts skipped because they were already in the ledger.</summary>
    public int DuplicateCount { get; init; }

    /// <summary>True unless rejected.</summary>
    public bool IsAccepted => Status is LedgerAppendStatus.Appended or LedgerAppendStatus.AlreadyPresent;

    internal static LedgerAppendResult Reject(string reason, string detail) =>
        new() { Status = LedgerAppendStatus.Rejected, Reason = reason, Detail = detail };

    /// <inheritdoc />
    public override string ToString() => Status == LedgerAppendStatus.Rejected
        ? $"Rejected ({Reason}): {Detail}"
        : $"{Status}: {AppendedCount} appended at {FirstPosition}, {DuplicateCount} already present";
}
