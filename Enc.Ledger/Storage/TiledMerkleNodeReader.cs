using Enc.Crypto.Merkle;

namespace Enc.Ledger.Storage;

/// <summary>
/// Reads ledger tree nodes from an <see cref="ILedgerStore"/>: stored nodes for levels ≥
/// <see cref="LedgerTreeLayout.MinStoredLevel"/>, and lower nodes recomputed from one block of leaf hashes
/// (each block read once per call). Feeds <see cref="MerkleProofBuilder"/>.
/// </summary>
public sealed class TiledMerkleNodeReader : IMerkleNodeReader
{
    private readonly ILedgerStore _store;

    /// <summary>Creates a reader over <paramref name="store"/>.</summary>
    public TiledMerkleNodeReader(ILedgerStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <inheritdoc />
    public async ValueTask ReadNodesAsync(IReadOnlyList<MerkleNodeId> ids, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        const int H = MerkleHasher.HashSize;
        var stored = new List<(int Slot, MerkleNodeId Id)>();
        var low = new Dictionary<long, List<(int Slot, MerkleNodeId Id)>>();
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            if (id.Level >= LedgerTreeLayout.MinStoredLevel)
            {
                stored.Add((i, id));
            }
            else
            {
                // Leaves and low nodes are grouped by block: one read serves all of a block's requests.
                AddToBlock(low, id, i);
            }
        }

        if (stored.Count > 0)
        {
            var buffer = new byte[stored.Count * H];
            await _store.ReadNodesAsync([.. stored.Select(s => s.Id)], buffer, cancellationToken).ConfigureAwait(false);
            for (var j = 0; j < stored.Count; j++)
            {
                buffer.AsSpan(j * H, H).CopyTo(destination.Span[(stored[j].Slot * H)..]);
            }
        }

        foreach (var (block, wanted) in low)
        {
            var first = block * LedgerTreeLayout.BlockSize;
            var end = wanted.Max(w => w.Id.FirstLeaf + w.Id.LeafCount);
            var leaves = new byte[(end - first) * H];
            await _store.ReadLeafHashesAsync(first, (int)(end - first), leaves, cancellationToken).ConfigureAwait(false);
            foreach (var (slot, id) in wanted)
            {
                var offset = (int)(id.FirstLeaf - first) * H;
                SubtreeHash(leaves.AsSpan(offset, (int)id.LeafCount * H), destination.Span.Slice(slot * H, H));
            }
        }
    }

    /// <summary>The head of a perfect subtree given its leaf hashes.</summary>
    private static void SubtreeHash(ReadOnlySpan<byte> leafHashes, Span<byte> destination)
    {
        var range = new CompactMerkleRange();
        for (var offset = 0; offset < leafHashes.Length; offset += MerkleHasher.HashSize)
        {
            range.Append(leafHashes.Slice(offset, MerkleHasher.HashSize));
        }

        range.Root(destination);
    }

    private static void AddToBlock(Dictionary<long, List<(int, MerkleNodeId)>> low, MerkleNodeId id, int slot)
    {
        var block = id.FirstLeaf / LedgerTreeLayout.BlockSize;
        if (!low.TryGetValue(block, out var list))
        {
            list = [];
            low[block] = list;
        }

        list.Add((slot, id));
    }
}
