using Enc.Crypto.Merkle;
using Enc.Ledger.Receipts;

namespace Enc.Ledger.Batches;

/// <summary>
/// Receipts signed together by the acting node: one BLS signature over
/// <see cref="LedgerSigningMessages.Batch"/>(count, root), where root is the RFC 9162 tree head over the
/// receipts' encodings in batch order. Any one receipt is verifiable with the signature, the count and its
/// audit path in the batch tree.
/// </summary>
public sealed class ReceiptBatch
{
    /// <summary>The signing node's public key (48 bytes); every receipt names the same key.</summary>
    public required byte[] SignerPublicKey { get; init; }

    /// <summary>The receipts' canonical encodings, in batch order.</summary>
    public required IReadOnlyList<byte[]> Receipts { get; init; }

    /// <summary>The BLS signature (96 bytes).</summary>
    public required byte[] Signature { get; init; }

    /// <summary>Encodes <paramref name="receipts"/> and signs them as one batch.</summary>
    /// <exception cref="ArgumentException">The list is empty or a receipt names another signer.</exception>
    /// <exception cref="ReceiptFormatException">A receipt cannot be encoded.</exception>
    public static ReceiptBatch Sign(IBatchSigner signer, IReadOnlyList<Receipt> receipts)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(receipts);
        if (receipts.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one receipt.", nameof(receipts));
        }

        var builder = new ReceiptBatchBuilder(signer, receipts.Count);
        foreach (var receipt in receipts)
        {
            builder.Add(receipt);
        }

        return builder.Sign();
    }

    /// <summary>The batch tree head over concatenated 32-byte leaf hashes.</summary>
    public static byte[] ComputeRoot(ReadOnlySpan<byte> leafHashes)
    {
        var range = new CompactMerkleRange();
        for (var offset = 0; offset < leafHashes.Length; offset += MerkleHasher.HashSize)
        {
            range.Append(leafHashes.Slice(offset, MerkleHasher.HashSize));
        }

        return range.Root();
    }
}
