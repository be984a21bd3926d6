using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Enc.Crypto.Bls.Curves;

/// <summary>
/// Writes a scalar of up to 256 bits in base |x| = 0xd201000000010000 (the BLS parameter's
/// absolute value): k = d0 + d1·|x| + d2·|x|² + d3·|x|³. d0, d1 and d2 are below |x| &lt; 2⁶⁴;
/// d3 is below 2²⁵⁶/|x|³ &lt; 2⁶⁵ and is returned as 64 low bits plus a top bit.
/// </summary>
/// <remarks>
/// The digits are computed by bit-serial long division with masked conditional subtraction: the
/// sequence of instructions and memory accesses is the same for every scalar of a given length,
/// so this is safe for secret keys (the hardware divide instruction, whose latency depends on its
/// operands, is never used).
/// </remarks>
internal static class AbsXDigits
{
    /// <summary>Maximum scalar length in bytes.</summary>
    public const int MaxScalarLength = 32;

    /// <summary>Decomposes a big-endian scalar of at most 32 bytes.</summary>
    /// <exception cref="ArgumentException">The scalar is longer than 32 bytes.</exception>
    public static void Decompose(ReadOnlySpan<byte> scalarBigEndian, out ulong d0, out ulong d1, out ulong d2, out ulong d3, out ulong d3Top)
    {
        if (scalarBigEndian.Length > MaxScalarLength)
        {
            throw new ArgumentException("The scalar must be at most 32 bytes.", nameof(scalarBigEndian));
        }

        Span<byte> padded = stackalloc byte[MaxScalarLength];
        padded.Clear();
        scalarBigEndian.CopyTo(padded[(MaxScalarLength - scalarBigEndian.Length)..]);
        var n3 = BinaryPrimitives.ReadUInt64BigEndian(padded);
        var n2 = BinaryPrimitives.ReadUInt64BigEndian(padded[8..]);
        var n1 = BinaryPrimitives.ReadUInt64BigEndian(padded[16..]);
        var n0 = BinaryPrimitives.ReadUInt64BigEndian(padded[24..]);
        padded.Clear();

        d0 = DivideByAbsX(ref n0, ref n1, ref n2, ref n3);
        d1 = DivideByAbsX(ref n0, ref n1, ref n2, ref n3);
        d2 = DivideByAbsX(ref n0, ref n1, ref n2, ref n3);

        // What is left is below 2²⁵⁶/|x|³ < 2⁶⁵.
        d3 = n0;
        d3Top = n1 & 1;
    }

    /// <summary>Replaces n (four little-endian limbs) by ⌊n/|x|⌋ and returns n mod |x|. Branch-free.</summary>
    private static ulong DivideByAbsX(ref ulong n0, ref ulong n1, ref ulong n2, ref ulong n3)
    {
        ulong q0 = 0, q1 = 0, q2 = 0, q3 = 0;
        var remainder = 0UL;
        remainder = DivideLimb(n3, remainder, ref q3);
        remainder = DivideLimb(n2, remainder, ref q2);
        remainder = DivideLimb(n1, remainder, ref q1);
        remainder = DivideLimb(n0, remainder, ref q0);
        n0 = q0;
        n1 = q1;
        n2 = q2;
        n3 = q3;
        return remainder;
    }

    /// <summary>Shifts the 64 bits of <paramref name="limb"/> into the remainder, most significant first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong DivideLimb(ulong limb, ulong remainder, ref ulong quotient)
    {
        for (var bit = 63; bit >= 0; bit--)
        {
            // remainder < |x| < 2⁶⁴, so 2·remainder + 1 < 2⁶⁵: keep the bit shifted out.
            var overflow = remainder >> 63;
            remainder = (remainder << 1) | ((limb >> bit) & 1);
            var difference = remainder - CurveConstants.AbsX;
            ulong below = Unsafe.BitCast<bool, byte>(remainder < CurveConstants.AbsX);

            // Subtract when the 65-bit value is at least |x|: it overflowed, or it did not borrow.
            var subtract = overflow | (below ^ 1);
            var mask = 0UL - subtract;
            remainder = (difference & mask) | (remainder & ~mask);
            quotient |= subtract << bit;
        }

        return remainder;
    }
}
