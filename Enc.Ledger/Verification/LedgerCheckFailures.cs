namespace Enc.Ledger.Verification;

/// <summary>Why a client-side ledger check failed.</summary>
public static class LedgerCheckFailures
{
    /// <summary>The receipt bytes are not a canonical receipt.</summary>
    public const string MalformedReceipt = "MalformedReceipt";

    /// <summary>A signer key is not among the trusted node keys.</summary>
    public const string UntrustedSigner = "UntrustedSigner";

    /// <summary>The receipt names a different signer than its batch.</summary>
    public const string SignerMismatch = "SignerMismatch";

    /// <summary>The receipt's batch audit path does not lead to a root that the batch signature covers.</summary>
    public const string BadBatchSignature = "BadBatchSignature";

    /// <summary>A checkpoint's signature does not verify.</summary>
    public const string BadCheckpointSignature = "BadCheckpointSignature";

    /// <summary>The proof is for a different checkpoint than the trusted one.</summary>
    public const string CheckpointMismatch = "CheckpointMismatch";

    /// <summary>The ledger audit path does not lead to the checkpoint's root.</summary>
    public const string NotIncluded = "NotIncluded";

    /// <summary>The consistency proof between two checkpoints does not verify.</summary>
    public const string Inconsistent = "Inconsistent";
}
