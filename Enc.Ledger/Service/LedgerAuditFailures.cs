namespace Enc.Ledger.Service;

/// <summary>What full ledger verification found wrong at an entry.</summary>
public static class LedgerAuditFailures
{
    /// <summary>The stored leaf hash is not <c>SHA-256(0x00 || encoding)</c>.</summary>
    public const string LeafHashMismatch = "LeafHashMismatch";

    /// <summary>The encoding is not a canonical receipt.</summary>
    public const string MalformedReceipt = "MalformedReceipt";

    /// <summary>The row's id, subject or kind columns disagree with its encoding.</summary>
    public const string ColumnMismatch = "ColumnMismatch";

    /// <summary>Positions are not contiguous from 0.</summary>
    public const string PositionGap = "PositionGap";

    /// <summary>The entry's batch is missing, or the batch does not list this receipt at the entry's index.</summary>
    public const string NotInBatch = "NotInBatch";

    /// <summary>The entry's batch has a wrong root, a bad signature or an unregistered signer, or the receipt names another signer.</summary>
    public const string BadBatch = "BadBatch";

    /// <summary>The previous-receipt hash does not link to the prior receipt on the subject.</summary>
    public const string ChainLinkMismatch = "ChainLinkMismatch";

    /// <summary>A stored interior Merkle node disagrees with the tree recomputed from the entries (position = its last leaf, where the difference shows).</summary>
    public const string NodeMismatch = "NodeMismatch";

    /// <summary>A checkpoint's root disagrees with the recomputed tree, its signature is invalid or its signer unregistered (position = its last entry).</summary>
    public const string BadCheckpoint = "BadCheckpoint";

    /// <summary>A registered signer's proof of possession does not verify.</summary>
    public const string BadRegistration = "BadRegistration";
}
