using Enc.Ledger.Batches;

namespace Enc.Ledger.Verification;

/// <summary>
/// Everything needed to check one receipt offline with only node public keys: its encoding, the batch
/// signature with the receipt's audit path in the batch tree, and its audit path in the ledger tree at a
/// signed checkpoint. Verified by <see cref="LedgerVerifier.VerifyReceipt"/>.
/// </summary>
public sealed class ReceiptProof
{
    /// <summary>The receipt's canonical encoding.</summary>
    public required byte[] Encoding { get; init; }

    /// <summary>The batch signer's public key.</summary>
    public required byte[] BatchSignerPublicKey { get; init; }

    /// <summary>Receipts in the batch.</summary>
    public required long BatchSize { get; init; }

    /// <summary>The receipt's index in the batch.</summary>
    public required long BatchIndex { get; init; }

    /// <summary>The receipt's audit path in the batch tree.</summary>
    public required byte[][] BatchPath { get; init; }

    /// <summary>The batch signature.</summary>
    public required byte[] BatchSignature { get; init; }

    /// <summary>The receipt's position in the ledger.</summary>
    public required long Position { get; init; }

    /// <summary>The receipt's audit path in the ledger tree of <see cref="Checkpoint"/>'s size.</summary>
    public required byte[][] LedgerPath { get; init; }

    /// <summary>The signed head the ledger path leads to.</summary>
    public required SignedCheckpoint Checkpoint { get; init; }
}
