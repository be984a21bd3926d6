namespace Enc.Ledger.Storage;

/// <summary>Everything one accepted batch adds to a store, written atomically by <see cref="ILedgerStore.AppendAsync"/>.</summary>
public sealed class LedgerAppend
{
    /// <summary>The ledger size the append was computed for; the store refuses it if the ledger has moved on.</summary>
    public required long ExpectedSize { get; init; }

    /// <summary>The batch row.</summary>
    public required StoredBatch Batch { get; init; }

    /// <summary>The new entries at positions <see cref="ExpectedSize"/>, <see cref="ExpectedSize"/>+1, … (may be empty).</summary>
    public required IReadOnlyList<StoredEntry> Entries { get; init; }

    /// <summary>The interior nodes (levels ≥ <see cref="LedgerTreeLayout.MinStoredLevel"/>) these entries complete.</summary>
    public required IReadOnlyList<StoredMerkleNode> Nodes { get; init; }
}
