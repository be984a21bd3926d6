using Orleans;

namespace Enc.Grains.Ledger.Options;

/// <summary>
/// Options of the receipt pipeline and the ledger grain, bound from configuration section
/// <see cref="SectionName"/> (environment variables <c>ENC_LEDGER__*</c>).
/// </summary>
public sealed class EncLedgerOptions
{
    /// <summary>Configuration section the options bind from.</summary>
    public const string SectionName = "Enc:Ledger";

    /// <summary>Directory under which the node's key file is kept (<c>keys/node-NAME.bls</c>).</summary>
    /// <value>Defaults to the current directory; the silo sets it to its data directory.</value>
    public string DataDirectory { get; set; } = ".";

    /// <summary>PostgreSQL connection string of the ledger tables; empty keeps the ledger in memory (development mode).</summary>
    /// <value>Defaults to empty; the silo sets its own connection string in production.</value>
    [Redact]
    public string ConnectionString { get; set; } = "";

    /// <summary>How often the ledger grain signs a checkpoint when entries were added.</summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A checkpoint is also signed once this many entries are not covered by one.</summary>
    /// <value>Defaults to 10,000.</value>
    public int CheckpointEveryEntries { get; set; } = 10_000;

    /// <summary>How long an emitter waits for the ledger's outcome before publishing its pending receipts again.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most receipts an emitter signs into one batch.</summary>
    /// <value>Defaults to 1,000.</value>
    public int MaxBatchSize { get; set; } = 1_000;
}
