namespace Enc.Ledger.Service;

/// <summary>Outcome of offering a batch to the ledger.</summary>
public enum LedgerAppendStatus
{
    /// <summary>Invalid sentinel.</summary>
    Invalid = 0,

    /// <summary>The batch was verified and its new receipts appended (redelivered ones are skipped).</summary>
    Appended = 1,

    /// <summary>Every receipt of the batch was already in the ledger; nothing changed.</summary>
    AlreadyPresent = 2,

    /// <summary>The batch failed verification; nothing of it was appended (see <see cref="LedgerAppendResult.Reason"/>).</summary>
    Rejected = 3,
}
