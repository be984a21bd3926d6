namespace Enc.Grains.Interfaces.Ledger;

/// <summary>The result of re-verifying the whole ledger.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Ledger.LedgerAuditView")]
public sealed record LedgerAuditView
{
    /// <summary>True when every check passed.</summary>
    [Id(0)] public required bool IsValid { get; init; }

    /// <summary>Entries checked.</summary>
    [Id(1)] public required long EntriesChecked { get; init; }

    /// <summary>Batches whose signatures were checked.</summary>
    [Id(2)] public required long BatchesChecked { get; init; }

    /// <summary>Checkpoints checked.</summary>
    [Id(3)] public required long CheckpointsChecked { get; init; }

    /// <summary>The lowest bad ledger position (null when valid).</summary>
    [Id(4)] public long? FirstBadPosition { get; init; }

    /// <summary>What was wrong there (for example <c>LeafHashMismatch</c>).</summary>
    [Id(5)] public string? Failure { get; init; }

    /// <summary>Explanation.</summary>
    [Id(6)] public string? Detail { get; init; }

    /// <summary>How long verification took, milliseconds.</summary>
    [Id(7)] public required double ElapsedMilliseconds { get; init; }
}
