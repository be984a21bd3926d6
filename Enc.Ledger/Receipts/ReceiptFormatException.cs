namespace Enc.Ledger.Receipts;

/// <summary>A receipt cannot be encoded or decoded; <see cref="Field"/> names the offending field.</summary>
public sealed class ReceiptFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    public ReceiptFormatException(string field, string message)
        : base($"receipt.{field}: {message}")
    {
        Field = field;
    }

    /// <summary>The field (as named in <c>docs/receipts.md</c>) that is wrong.</summary>
    public string Field { get; }
}
