namespace Enc.Ledger.Storage;

/// <summary>
/// An append lost a race: another writer moved the ledger on, or a receipt id is already stored. Nothing of
/// the append was written; the caller reloads and retries.
/// </summary>
public sealed class LedgerConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LedgerConflictException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
