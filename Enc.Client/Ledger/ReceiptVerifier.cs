using Enc.Grains.Interfaces.Ledger;
using Enc.Ledger.Batches;
using Enc.Ledger.Verification;

namespace Enc.Client.Ledger;

/// <summary>
/// Client-side verification that trusts only the node public keys it is given and a checkpoint the caller
/// already trusts; it never asks the cluster. Checks a receipt's batch signature (through its batch path),
/// its inclusion in a signed head, and that a newer head extends a trusted one (RFC 9162 consistency).
/// A thin front for <see cref="LedgerVerifier"/> that accepts the ledger grain's wire views.
/// </summary>
public sealed class ReceiptVerifier
{
    private readonly LedgerVerifier _verifier;

    /// <summary>Creates a verifier trusting exactly <paramref name="trustedPublicKeys"/> (48-byte BLS keys).</summary>
    public ReceiptVerifier(IEnumerable<byte[]> trustedPublicKeys) => _verifier = new LedgerVerifier(trustedPublicKeys);

    /// <summary>Checks that a trusted key signed <paramref name="checkpoint"/>.</summary>
    public LedgerCheck VerifyCheckpoint(SignedCheckpoint checkpoint) => _verifier.VerifyCheckpoint(checkpoint);

    /// <summary>Checks only that a trusted node signed the receipt (its batch signature covers it).</summary>
    public LedgerCheck VerifySignature(LedgerReceiptProofView proof) => _verifier.VerifyReceiptSignature(proof.ToProof());

    /// <summary>
    /// Checks a receipt end to end against <paramref name="trustedCheckpoint"/>: canonical encoding, batch
    /// signature by a trusted node, signed head, and inclusion at its position.
    /// </summary>
    public LedgerCheck VerifyReceipt(LedgerReceiptProofView proof, SignedCheckpoint trustedCheckpoint) =>
        _verifier.VerifyReceipt(proof.ToProof(), trustedCheckpoint);

    /// <summary>
    /// Checks that <paramref name="newer"/> extends <paramref name="trusted"/> using <paramref name="proof"/>;
    /// both heads must be signed by trusted keys and the proof must span exactly their sizes.
    /// </summary>
    public LedgerCheck VerifyConsistency(SignedCheckpoint trusted, SignedCheckpoint newer, LedgerConsistencyView proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (proof.FromSize != trusted.Size || proof.ToSize != newer.Size)
        {
            return new LedgerCheck(false, LedgerCheckFailures.Inconsistent,
                $"proof spans sizes {proof.FromSize}..{proof.ToSize}, the heads have sizes {trusted.Size} and {newer.Size}");
        }

        return _verifier.VerifyConsistency(trusted, newer, [.. proof.Proof]);
    }
}
