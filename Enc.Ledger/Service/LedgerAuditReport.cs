namespace Enc.Ledger.Service;

/// <summary>The result of re-verifying the whole ledger (<see cref="LedgerAuditor"/>).</summary>
public sealed record LedgerAuditReport
{
    /// <summary>True when every check passed.</summary>
    public required bool IsValid { get; init; }

    /// <summary>Entries checked.</summary>
    public required long EntriesChecked { get; init; }

    /// <summary>Batches whose signatures were checked.</summary>
    public required long BatchesChecked { get; init; }

    /// <summary>Checkpoints checked.</summary>
    public required long CheckpointsChecked { get; init; }

    /// <summary>The lowest ledger position found bad (null when valid).</summary>
    public long? FirstBadPosition { get; init; }

    /// <summary>A <see cref="LedgerAuditFailures"/> constant for the first bad position.</summary>
    public string? Failure { get; init; }

    /// <summary>Explanation of the failure.</summary>
    public string? Detail { get; init; }

    /// <summary>Wall time the verification took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <inheritdoc />
    public override string ToString() => IsValid
        ? $"ledger valid: {EntriesChecked} entries, {BatchesChecked} batches, {CheckpointsChecked} checkpoints in {Elapsed.TotalSeconds:F2}s"
        : $"ledger INVALID at entry {FirstBadPosition}: {Failure}: {Detail}";
}
