namespace Enc.Crypto.Bls;

/// <summary>Hex decoding for the typed BLS wrappers: accepts an optional <c>0x</c> prefix.</summary>
internal static class BlsHex
{
    public static byte[] Decode(string hex, string paramName, BlsErrorCode code)
    {
        ArgumentNullException.ThrowIfNull(hex, paramName);
        ReadOnlySpan<char> digits = hex.AsSpan().Trim();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        try
        {
            return Convert.FromHexString(digits);
        }
        catch (FormatException e)
        {
            throw new BlsException(code, paramName, "Not a hex string.", e);
        }
    }
}
