using System.Globalization;
using System.Numerics;

namespace Enc.Crypto.Bls.Fields;

/// <summary>
/// Constants of the BLS12-381 base field: the prime p, its Montgomery parameters and the public
/// exponents used for inversion and square roots. The limbs of p are literal; everything else is
/// derived from p once at start-up, so there is a single source of truth.
/// </summary>
internal static class FpConstants
{
    /// <summary>The modulus p in hexadecimal (381 bits).</summary>
    public const string ModulusHex =
        "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab";

    /// <summary>Number of bytes in a big-endian field element encoding.</summary>
    public const int ByteLength = 48;

    public const ulong P0 = 0xb9feffffffffaaab;
    public const ulong P1 = 0x1eabfffeb153ffff;
    public const ulong P2 = 0x6730d2a0f6b0f624;
    public const ulong P3 = 0x64774b84f38512bf;
    public const ulong P4 = 0x4b1ba7b6434bacd7;
    public const ulong P5 = 0x1a0111ea397fe69a;

    /// <summary>-p⁻¹ mod 2⁶⁴, the Montgomery reduction factor.</summary>
    public const ulong Inv = 0x89f3fffcfffcfffd;

    /// <summary>p as a BigInteger (for start-up derivations and reference checks only).</summary>
    public static readonly BigInteger Modulus = BigInteger.Parse("0" + ModulusHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>R = 2³⁸⁴ mod p: the Montgomery form of 1.</summary>
    public static readonly BigInteger R = BigInteger.Pow(2, 384) % Modulus;

    /// <summary>R² mod p: multiplying by it converts a canonical value into Montgomery form.</summary>
    public static readonly BigInteger R2 = R * R % Modulus;

    /// <summary>Exponent p − 2 (Fermat inversion), little-endian limbs.</summary>
    public static readonly ulong[] PMinus2 = BigIntegerLimbs.ToLimbs(Modulus - 2, 6);

    /// <summary>Exponent (p + 1) / 4 (square root, since p ≡ 3 mod 4), little-endian limbs.</summary>
    public static readonly ulong[] PPlus1Over4 = BigIntegerLimbs.ToLimbs((Modulus + 1) / 4, 6);

    /// <summary>Exponent (p − 3) / 4 (Fp2 square root), little-endian limbs.</summary>
    public static readonly ulong[] PMinus3Over4 = BigIntegerLimbs.ToLimbs((Modulus - 3) / 4, 6);

    /// <summary>Exponent (p − 1) / 2 (Legendre symbol, Fp2 square root), little-endian limbs.</summary>
    public static readonly ulong[] PMinus1Over2 = BigIntegerLimbs.ToLimbs((Modulus - 1) / 2, 6);
}
