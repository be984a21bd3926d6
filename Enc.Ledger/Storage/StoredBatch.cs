namespace Enc.Ledger.Storage;

/// <summary>
/// A signed batch as the ledger accepted it. It keeps every leaf hash of the batch tree, including receipts
/// that were already in the ledger (redelivered), so each receipt's batch audit path can be rebuilt.
/// </summary>
public sealed class StoredBatch
{
    /// <summary>0-based sequence number of the batch in the ledger.</summary>
    public required long Sequence { get; init; }

    /// <summary>The signing node's public key.</summary>
    public required byte[] SignerPublicKey { get; init; }

    /// <summary>The batch tree's leaf hashes, 32 bytes each, in batch order.</summary>
    public required byte[] LeafHashes { get; init; }

    /// <summary>The batch tree head the signature covers.</summary>
    public required byte[] Root { get; init; }

    /// <summary>The batch signature.</summary>
    public required byte[] Signature { get; init; }

    /// <summary>When the ledger accepted the batch, Unix milliseconds.</summary>
    public required long AppendedAtMilliseconds { get; init; }

    /// <summary>Number of receipts in the batch.</summary>
    public int Count => LeafHashes.Length / 32;
}
