using Enc.Crypto.Merkle;
using Enc.Ledger.Storage;

namespace Enc.Ledger.Service;

/// <summary>One verified batch turned into the rows a store writes, built on the ledger state <see cref="BaseVersion"/>.</summary>
internal sealed class PreparedAppend
{
    /// <summary>The state this append was computed on (positions, batch sequence, chain heads).</summary>
    public required long BaseVersion { get; init; }

    /// <summary>The state once this append is durable.</summary>
    public required long Version { get; init; }

    /// <summary>What the store writes.</summary>
    public required LedgerAppend Append { get; init; }

    /// <summary>The tree head after the append.</summary>
    public required CompactMerkleRange Range { get; init; }

    /// <summary>The latest receipt hash of every subject the batch touches.</summary>
    public required Dictionary<string, byte[]> Heads { get; init; }

    /// <summary>Receipts the batch holds that were already in the ledger.</summary>
    public required int DuplicateCount { get; init; }

    /// <summary>The state after this append, given the state it was built on.</summary>
    public LedgerState After(LedgerState basis) => new(Version, Range, basis.BatchCount + 1, [.. basis.Pending, this]);
}
