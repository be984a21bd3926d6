namespace Enc.Ledger.Storage;

/// <summary>How the ledger keeps its Merkle tree in a store.</summary>
/// <remarks>
/// Leaf hashes live in the entry rows. Interior nodes are stored only from <see cref="MinStoredLevel"/> up
/// (one row per 256 entries instead of one per entry, which keeps ingest close to a plain insert); a lower
/// node is recomputed from at most 256 leaf hashes of one aligned block. Any proof then reads O(log n)
/// stored nodes plus at most a few blocks of leaf hashes.
/// </remarks>
public static class LedgerTreeLayout
{
    /// <summary>Lowest level of interior nodes that stores keep.</summary>
    public const int MinStoredLevel = 8;

    /// <summary>Leaves per block recomputed from leaf hashes (2^<see cref="MinStoredLevel"/>).</summary>
    public const int BlockSize = 1 << MinStoredLevel;
}
