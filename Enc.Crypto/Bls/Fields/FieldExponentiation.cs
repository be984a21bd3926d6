namespace Enc.Crypto.Bls.Fields;

/// <summary>Exponentiation by public exponents, shared by every field of the tower.</summary>
internal static class FieldExponentiation
{
    /// <summary>
    /// baseValue^e for a public exponent given as little-endian limbs. Left-to-right
    /// square-and-multiply whose sequence of operations depends only on the exponent.
    /// </summary>
    public static T Pow<T>(in T baseValue, ReadOnlySpan<ulong> exponent)
        where T : struct, IField<T>
    {
        var result = T.One;
        for (var i = exponent.Length - 1; i >= 0; i--)
        {
            for (var bit = 63; bit >= 0; bit--)
            {
                result = result.Square();
                if (((exponent[i] >> bit) & 1) == 1)
                {
                    result *= baseValue;
                }
            }
        }

        return result;
    }
}
