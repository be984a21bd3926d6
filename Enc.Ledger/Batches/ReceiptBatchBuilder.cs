using Enc.Crypto.Merkle;
using Enc.Ledger.Receipts;

namespace Enc.Ledger.Batches;

/// <summary>
/// Builds one signed <see cref="ReceiptBatch"/> receipt by receipt, encoding and hashing each receipt once:
/// <see cref="Add"/> returns the receipt hash (the next receipt on the subject links to it) and
/// <see cref="Sign"/> reuses the hashes for the batch root. Not thread-safe.
/// </summary>
public sealed class ReceiptBatchBuilder
{
    private readonly IBatchSigner _signer;
    private readonly List<byte[]> _encodings;
    private byte[] _leafHashes;

    /// <summary>Starts an empty batch for <paramref name="signer"/>, sized for <paramref name="capacity"/> receipts.</summary>
    public ReceiptBatchBuilder(IBatchSigner signer, int capacity = 16)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _signer = signer;
        _encodings = new List<byte[]>(capacity);
        _leafHashes = new byte[capacity * MerkleHasher.HashSize];
    }

    /// <summary>Receipts added so far.</summary>
    public int Count => _encodings.Count;

    /// <summary>Encodes and adds <paramref name="receipt"/>; returns its receipt hash (<see cref="ReceiptEncoding.Hash"/>).</summary>
    /// <exception cref="ArgumentException">The receipt names another signer than the batch's.</exception>
    /// <exception cref="ReceiptFormatException">The receipt cannot be encoded.</exception>
    public ReadOnlySpan<byte> Add(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (!receipt.SignerPublicKey.AsSpan().SequenceEqual(_signer.PublicKey))
        {
            throw new ArgumentException($"receipts[{_encodings.Count}].SignerPublicKey is not the signer's key.", nameof(receipt));
        }

        var encoding = ReceiptEncoding.Encode(receipt);
        var offset = _encodings.Count * MerkleHasher.HashSize;
        if (offset == _leafHashes.Length)
        {
            Array.Resize(ref _leafHashes, _leafHashes.Length * 2);
        }

        var hash = _leafHashes.AsSpan(offset, MerkleHasher.HashSize);
        MerkleHasher.LeafHash(encoding, hash);
        _encodings.Add(encoding);
        return hash;
    }

    /// <summary>Signs the receipts added so far as one batch.</summary>
    /// <exception cref="InvalidOperationException">No receipt was added.</exception>
    public ReceiptBatch Sign()
    {
        if (_encodings.Count == 0)
        {
            throw new InvalidOperationException("A batch needs at least one receipt.");
        }

        var root = ReceiptBatch.ComputeRoot(_leafHashes.AsSpan(0, _encodings.Count * MerkleHasher.HashSize));
        return new ReceiptBatch
        {
            SignerPublicKey = _signer.PublicKey,
            Receipts = [.. _encodings],
            Signature = _signer.Sign(LedgerSigningMessages.Batch(_encodings.Count, root)),
        };
    }
}
