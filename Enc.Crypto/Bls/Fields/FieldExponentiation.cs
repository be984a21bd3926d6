namespace Enc.Crypto.Bls.Fields;

/// <summary>Exponentiation by public exponents, shared by every field of the tower.</summary>
internal static class FieldExponentiation
{
    private const int MaxWindow = 5;

    /// <summary>
    /// baseValue^e for a public exponent given as little-endian limbs, by left-to-right
    /// sliding-window exponentiation over odd powers. For the ~380-bit exponents of inversion and
    /// square roots (popcount ≈ 229) a 5-bit window needs 15 multiplications for the table and
    /// about 64 in the chain instead of 229. The sequence of operations and the table indices
    /// depend only on the exponent, never on the base, so the running time is independent of
    /// <paramref name="baseValue"/>.
    /// </summary>
    public static T Pow<T>(in T baseValue, ReadOnlySpan<ulong> exponent)
        where T : unmanaged, IField<T>
    {
        var top = TopBit(exponent);
        if (top < 0)
        {
            return T.One;
        }

        var window = top >= 160 ? MaxWindow : top >= 32 ? 4 : 1;
        Span<T> oddPowers = stackalloc T[1 << (MaxWindow - 1)];
        oddPowers[0] = baseValue;
        var squared = baseValue.Square();
        for (var i = 1; i < 1 << (window - 1); i++)
        {
            oddPowers[i] = oddPowers[i - 1] * squared;
        }

        var result = T.One;
        var started = false;
        var bit = top;
        while (bit >= 0)
        {
            if (!Bit(exponent, bit))
            {
                result = started ? result.Square() : result;
                bit--;
                continue;
            }

            // The longest run of at most `window` bits starting at `bit` that ends in a one.
            var low = Math.Max(bit - window + 1, 0);
            while (!Bit(exponent, low))
            {
                low++;
            }

            var value = 0;
            for (var i = bit; i >= low; i--)
            {
                value = (value << 1) | (Bit(exponent, i) ? 1 : 0);
                result = started ? result.Square() : result;
            }

            result = started ? result * oddPowers[value >> 1] : oddPowers[value >> 1];
            started = true;
            bit = low - 1;
        }

        return result;
    }

    private static bool Bit(ReadOnlySpan<ulong> exponent, int index) => ((exponent[index >> 6] >> (index & 63)) & 1) == 1;

    private static int TopBit(ReadOnlySpan<ulong> exponent)
    {
        for (var i = exponent.Length - 1; i >= 0; i--)
        {
            if (exponent[i] != 0)
            {
                return (i * 64) + 63 - System.Numerics.BitOperations.LeadingZeroCount(exponent[i]);
            }
        }

        return -1;
    }
}
