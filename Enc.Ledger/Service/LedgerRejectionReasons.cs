namespace Enc.Ledger.Service;

/// <summary>Why the ledger refused a batch or a registration. A refused batch leaves nothing in the ledger.</summary>
public static class LedgerRejectionReasons
{
    /// <summary>The batch holds no receipts.</summary>
    public const string EmptyBatch = "EmptyBatch";

    /// <summary>The batch holds more than <see cref="LedgerOptions.MaxBatchSize"/> receipts.</summary>
    public const string BatchTooLarge = "BatchTooLarge";

    /// <summary>The batch's signer key is not registered with the ledger.</summary>
    public const string UnregisteredSigner = "UnregisteredSigner";

    /// <summary>A receipt's bytes are not a canonical receipt encoding; the detail names the index and field.</summary>
    public const string MalformedReceipt = "MalformedReceipt";

    /// <summary>A receipt names a signer other than the batch's.</summary>
    public const string SignerMismatch = "SignerMismatch";

    /// <summary>The same receipt id appears twice in the batch.</summary>
    public const string DuplicateReceiptInBatch = "DuplicateReceiptInBatch";

    /// <summary>The batch signature does not verify over the batch's root and count.</summary>
    public const string BadSignature = "BadSignature";

    /// <summary>
    /// A receipt's previous-receipt hash is not the hash of the latest receipt on its subject. Retriable when
    /// the predecessor is still in flight; permanent for a fork.
    /// </summary>
    public const string ChainLinkMismatch = "ChainLinkMismatch";

    /// <summary>A registration's proof of possession does not verify.</summary>
    public const string BadProofOfPossession = "BadProofOfPossession";

    /// <summary>A registration's public key is not a valid BLS12-381 key.</summary>
    public const string InvalidPublicKey = "InvalidPublicKey";
}
