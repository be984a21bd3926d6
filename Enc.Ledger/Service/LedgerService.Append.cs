using Enc.Crypto.Merkle;
using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;
using Enc.Ledger.Storage;

namespace Enc.Ledger.Service;

/// <summary>The first stage of an append: checks that do not depend on the ledger's state.</summary>
public sealed partial class LedgerService
{
    private const int ParallelThreshold = 256;

    private async Task<CheckedBatch> CheckBatchAsync(ReceiptBatch batch, CancellationToken cancellationToken)
    {
        var count = batch.Receipts?.Count ?? 0;
        if (count == 0)
        {
            return CheckedBatch.Rejected(LedgerRejectionReasons.EmptyBatch, "the batch holds no receipts");
        }

        if (count > _options.MaxBatchSize)
        {
            return CheckedBatch.Rejected(LedgerRejectionReasons.BatchTooLarge, $"{count} receipts; at most {_options.MaxBatchSize} are accepted");
        }

        if (!await IsRegisteredAsync(batch.SignerPublicKey, cancellationToken).ConfigureAwait(false))
        {
            return CheckedBatch.Rejected(LedgerRejectionReasons.UnregisteredSigner,
                $"signer {Convert.ToHexStringLower(batch.SignerPublicKey ?? [])} is not registered with the ledger");
        }

        var receipts = new ReceiptFields[count];
        var leafHashes = new byte[count * MerkleHasher.HashSize];
        var errors = new string?[count];
        void Check(int i)
        {
            try
            {
                receipts[i] = ReceiptEncoding.Parse(batch.Receipts![i]);
                MerkleHasher.LeafHash(batch.Receipts[i], leafHashes.AsSpan(i * MerkleHasher.HashSize, MerkleHasher.HashSize));
            }
            catch (ReceiptFormatException ex)
            {
                errors[i] = ex.Message;
            }
        }

        if (count >= ParallelThreshold)
        {
            Parallel.For(0, count, Check);
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                Check(i);
            }
        }

        var ids = new HashSet<Guid>();
        for (var i = 0; i < count; i++)
        {
            if (errors[i] is { } error)
            {
                return CheckedBatch.Rejected(LedgerRejectionReasons.MalformedReceipt, $"receipts[{i}]: {error}");
            }

            if (!receipts[i].SignerPublicKey.SequenceEqual(batch.SignerPublicKey))
            {
                return CheckedBatch.Rejected(LedgerRejectionReasons.SignerMismatch, $"receipts[{i}] ({receipts[i].Id}) names another signer than the batch");
            }

            if (!ids.Add(receipts[i].Id))
            {
                return CheckedBatch.Rejected(LedgerRejectionReasons.DuplicateReceiptInBatch, $"receipts[{i}]: id {receipts[i].Id} appears twice");
            }
        }

        var root = ReceiptBatch.ComputeRoot(leafHashes);
        if (!_verifier.Verify(batch.SignerPublicKey, LedgerSigningMessages.Batch(count, root), batch.Signature ?? []))
        {
            return CheckedBatch.Rejected(LedgerRejectionReasons.BadSignature,
                $"the signature does not verify over the root {Convert.ToHexStringLower(root)} of {count} receipts");
        }

        return new CheckedBatch(receipts, leafHashes, root, null);
    }

    private async Task<bool> IsRegisteredAsync(byte[]? publicKey, CancellationToken cancellationToken)
    {
        if (publicKey is not { Length: ReceiptEncoding.PublicKeySize })
        {
            return false;
        }

        var hex = Convert.ToHexStringLower(publicKey);
        lock (_signers)
        {
            if (_signers.Contains(hex))
            {
                return true;
            }
        }

        // Another ledger process may have registered the key since this one loaded.
        var signers = await _store.GetSignersAsync(cancellationToken).ConfigureAwait(false);
        lock (_signers)
        {
            _signers.UnionWith(signers.Select(s => Convert.ToHexStringLower(s.PublicKey)));
            return _signers.Contains(hex);
        }
    }

    private sealed record CheckedBatch(ReceiptFields[] Receipts, byte[] LeafHashes, byte[] Root, LedgerAppendResult? Rejection)
    {
        public static CheckedBatch Rejected(string reason, string detail) => new([], [], [], LedgerAppendResult.Reject(reason, detail));
    }
}
