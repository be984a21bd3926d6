using Enc.Crypto.Merkle;
using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;

namespace Enc.Ledger.Verification;

/// <summary>
/// Client-side verification that trusts only a set of node public keys (and, for inclusion, a checkpoint the
/// caller trusts): receipt signatures via batch signature and batch path, inclusion in a signed head, and
/// consistency between two heads. It never asks the cluster anything.
/// </summary>
public sealed class LedgerVerifier
{
    private readonly HashSet<string> _trusted;
    private readonly IBatchVerifier _crypto;

    /// <summary>Creates a verifier trusting <paramref name="trustedPublicKeys"/>, checking BLS signatures with <paramref name="crypto"/> (default: <see cref="BlsBatchVerifier.Shared"/>).</summary>
    public LedgerVerifier(IEnumerable<byte[]> trustedPublicKeys, IBatchVerifier? crypto = null)
    {
        ArgumentNullException.ThrowIfNull(trustedPublicKeys);
        _trusted = trustedPublicKeys.Select(Convert.ToHexStringLower).ToHashSet(StringComparer.Ordinal);
        _crypto = crypto ?? BlsBatchVerifier.Shared;
    }

    /// <summary>Checks that <paramref name="checkpoint"/> is signed by a trusted key.</summary>
    public LedgerCheck VerifyCheckpoint(SignedCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (!IsTrusted(checkpoint.SignerPublicKey))
        {
            return LedgerCheck.Fail(LedgerCheckFailures.UntrustedSigner, $"checkpoint at size {checkpoint.Size} is signed by an untrusted key");
        }

        return checkpoint.HasValidSignature(_crypto)
            ? LedgerCheck.Valid
            : LedgerCheck.Fail(LedgerCheckFailures.BadCheckpointSignature, $"checkpoint at size {checkpoint.Size} has an invalid signature");
    }

    /// <summary>
    /// Checks a receipt end to end: canonical encoding, batch signature by a trusted node over the root its
    /// batch path leads to, and inclusion at its position in <paramref name="trustedCheckpoint"/>.
    /// </summary>
    public LedgerCheck VerifyReceipt(ReceiptProof proof, SignedCheckpoint trustedCheckpoint)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(trustedCheckpoint);
        var signature = VerifyReceiptSignature(proof);
        if (!signature.IsValid)
        {
            return signature;
        }

        var head = VerifyCheckpoint(trustedCheckpoint);
        if (!head.IsValid)
        {
            return head;
        }

        if (proof.Checkpoint.Size != trustedCheckpoint.Size || !proof.Checkpoint.Root.AsSpan().SequenceEqual(trustedCheckpoint.Root))
        {
            return LedgerCheck.Fail(LedgerCheckFailures.CheckpointMismatch,
                $"proof is for the head of size {proof.Checkpoint.Size}, the trusted head has size {trustedCheckpoint.Size}");
        }

        return MerkleVerifier.VerifyInclusion(proof.Position, trustedCheckpoint.Size, ReceiptEncoding.Hash(proof.Encoding), proof.LedgerPath, trustedCheckpoint.Root)
            ? LedgerCheck.Valid
            : LedgerCheck.Fail(LedgerCheckFailures.NotIncluded, $"receipt at position {proof.Position} is not in the head of size {trustedCheckpoint.Size}");
    }

    /// <summary>Checks only that a trusted node signed the receipt (through its batch), without a ledger head.</summary>
    public LedgerCheck VerifyReceiptSignature(ReceiptProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        Receipt receipt;
        try
        {
            receipt = ReceiptEncoding.Decode(proof.Encoding);
        }
        catch (ReceiptFormatException ex)
        {
            return LedgerCheck.Fail(LedgerCheckFailures.MalformedReceipt, ex.Message);
        }

        if (!receipt.SignerPublicKey.AsSpan().SequenceEqual(proof.BatchSignerPublicKey))
        {
            return LedgerCheck.Fail(LedgerCheckFailures.SignerMismatch, $"receipt {receipt.Id} names another signer than its batch");
        }

        if (!IsTrusted(proof.BatchSignerPublicKey))
        {
            return LedgerCheck.Fail(LedgerCheckFailures.UntrustedSigner, $"receipt {receipt.Id} is signed by an untrusted key");
        }

        Span<byte> root = stackalloc byte[MerkleHasher.HashSize];
        var valid = proof.BatchSize > 0
            && MerkleVerifier.TryComputeInclusionRoot(proof.BatchIndex, proof.BatchSize, ReceiptEncoding.Hash(proof.Encoding), proof.BatchPath, root)
            && _crypto.Verify(proof.BatchSignerPublicKey, LedgerSigningMessages.Batch(proof.BatchSize, root), proof.BatchSignature);
        return valid
            ? LedgerCheck.Valid
            : LedgerCheck.Fail(LedgerCheckFailures.BadBatchSignature, $"receipt {receipt.Id}: batch signature does not cover it");
    }

    /// <summary>Checks that <paramref name="newer"/> extends <paramref name="older"/> (both signed by trusted keys).</summary>
    public LedgerCheck VerifyConsistency(SignedCheckpoint older, SignedCheckpoint newer, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        foreach (var head in new[] { older, newer })
        {
            var check = VerifyCheckpoint(head);
            if (!check.IsValid)
            {
                return check;
            }
        }

        return MerkleVerifier.VerifyConsistency(older.Size, newer.Size, proof, older.Root, newer.Root)
            ? LedgerCheck.Valid
            : LedgerCheck.Fail(LedgerCheckFailures.Inconsistent, $"head of size {newer.Size} does not extend head of size {older.Size}");
    }

    private bool IsTrusted(byte[] publicKey) => _trusted.Contains(Convert.ToHexStringLower(publicKey));
}
