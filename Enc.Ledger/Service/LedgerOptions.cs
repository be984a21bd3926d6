namespace Enc.Ledger.Service;

/// <summary>Ledger behaviour.</summary>
public sealed class LedgerOptions
{
    /// <summary>Largest batch accepted. <value>Default 10,000.</value></summary>
    public int MaxBatchSize { get; set; } = 10_000;

    /// <summary>A checkpoint is signed after an append once this many entries are not yet covered by one. <value>Default 10,000.</value></summary>
    public int CheckpointEveryEntries { get; set; } = 10_000;

    /// <summary><see cref="LedgerService.CheckpointIfDueAsync"/> signs a new head when the latest is older than this and entries were added. <value>Default 10 seconds.</value></summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most subjects whose latest receipt hash is cached for chain checks. <value>Default 100,000.</value></summary>
    public int SubjectHeadCacheSize { get; set; } = 100_000;
}
