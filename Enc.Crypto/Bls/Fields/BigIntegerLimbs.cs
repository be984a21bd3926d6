using System.Numerics;

namespace Enc.Crypto.Bls.Fields;

/// <summary>
/// Conversions between <see cref="BigInteger"/> and little-endian 64-bit limbs. Used only to
/// derive constants at start-up and by reference checks; never on a hot or secret path.
/// </summary>
internal static class BigIntegerLimbs
{
    /// <summary>Splits a non-negative value into <paramref name="count"/> little-endian limbs.</summary>
    public static ulong[] ToLimbs(BigInteger value, int count)
    {
        if (value.Sign < 0 || value.GetBitLength() > 64L * count)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Value does not fit the requested number of limbs.");
        }

        var limbs = new ulong[count];
        var mask = (BigInteger.One << 64) - 1;
        for (var i = 0; i < count; i++)
        {
            limbs[i] = (ulong)(value & mask);
            value >>= 64;
        }

        return limbs;
    }

    /// <summary>Joins little-endian limbs into a non-negative value.</summary>
    public static BigInteger FromLimbs(ReadOnlySpan<ulong> limbs)
    {
        var value = BigInteger.Zero;
        for (var i = limbs.Length - 1; i >= 0; i--)
        {
            value = (value << 64) | limbs[i];
        }

        return value;
    }
}
