namespace Enc.Ledger.Verification;

/// <summary>The result of a client-side check: valid, or the first failure found.</summary>
/// <param name="IsValid">True when every step verified.</param>
/// <param name="Failure">A <see cref="LedgerCheckFailures"/> constant when invalid.</param>
/// <param name="Detail">Explanation when invalid.</param>
public readonly record struct LedgerCheck(bool IsValid, string? Failure = null, string? Detail = null)
{
    /// <summary>The valid result.</summary>
    public static LedgerCheck Valid => new(true);

    internal static LedgerCheck Fail(string failure, string detail) => new(false, failure, detail);

    /// <inheritdoc />
    public override string ToString() => IsValid ? "valid" : $"{Failure}: {Detail}";
}
