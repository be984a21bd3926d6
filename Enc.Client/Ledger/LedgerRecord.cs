using Enc.Ledger.Receipts;

namespace Enc.Client.Ledger;

/// <summary>A receipt as stored in the ledger: its decoded fields, position and hash.</summary>
public sealed record LedgerRecord
{
    /// <summary>Position (leaf index) in the ledger.</summary>
    public required long Position { get; init; }

    /// <summary>The decoded receipt.</summary>
    public required Receipt Receipt { get; init; }

    /// <summary>The receipt hash, <c>SHA-256(0x00 || encoding)</c> (the next receipt on the subject links to it).</summary>
    public required byte[] Hash { get; init; }

    /// <summary>The canonical encoding.</summary>
    public required byte[] Encoding { get; init; }

    /// <summary>The batch that brought the receipt.</summary>
    public required long BatchSequence { get; init; }
}
