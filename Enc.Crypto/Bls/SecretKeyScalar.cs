using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Enc.Crypto.Bls.Curves;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls;

/// <summary>Constant-time checks on 32-byte big-endian secret keys: the value must lie in [1, r−1].</summary>
internal static class SecretKeyScalar
{
    /// <summary>
    /// True when <paramref name="secretKey"/> is 32 bytes encoding an integer in [1, r−1]. The
    /// length is public; for a 32-byte input the time does not depend on the key's value.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<byte> secretKey)
    {
        if (secretKey.Length != Bls.SecretKeyLength)
        {
            return false;
        }

        ulong k3 = BinaryPrimitives.ReadUInt64BigEndian(secretKey);
        ulong k2 = BinaryPrimitives.ReadUInt64BigEndian(secretKey[8..]);
        ulong k1 = BinaryPrimitives.ReadUInt64BigEndian(secretKey[16..]);
        ulong k0 = BinaryPrimitives.ReadUInt64BigEndian(secretKey[24..]);

        // k < r  ⇔  k − r borrows. LimbArithmetic computes borrows without branches.
        ulong borrow = 0;
        _ = LimbArithmetic.SubtractWithBorrow(k0, CurveConstants.OrderLimb0, ref borrow);
        _ = LimbArithmetic.SubtractWithBorrow(k1, CurveConstants.OrderLimb1, ref borrow);
        _ = LimbArithmetic.SubtractWithBorrow(k2, CurveConstants.OrderLimb2, ref borrow);
        _ = LimbArithmetic.SubtractWithBorrow(k3, CurveConstants.OrderLimb3, ref borrow);

        ulong any = k0 | k1 | k2 | k3;
        ulong nonZero = (any | (0 - any)) >> 63;
        return (borrow & nonZero) == 1;
    }

    /// <summary>
    /// Writes <c>OS2IP(wide) mod r</c> as 32 big-endian bytes (KeyGen's reduction of its 48-byte
    /// HKDF output). Bit-serial shift-and-subtract with masked selection: the same operations run
    /// for every input of a given length.
    /// </summary>
    public static void ReduceWide(ReadOnlySpan<byte> wide, Span<byte> destination)
    {
        ulong a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        foreach (byte b in wide)
        {
            for (int bit = 7; bit >= 0; bit--)
            {
                // a < r < 2²⁵⁵, so 2a + 1 < 2r fits in 256 bits and one conditional subtraction suffices.
                a3 = (a3 << 1) | (a2 >> 63);
                a2 = (a2 << 1) | (a1 >> 63);
                a1 = (a1 << 1) | (a0 >> 63);
                a0 = (a0 << 1) | (((uint)b >> bit) & 1u);

                SubtractOrderIfNotBelow(ref a0, ref a1, ref a2, ref a3);
            }
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, a3);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], a2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], a1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], a0);
    }

    /// <summary>
    /// k ← k − r when k ≥ r, else k unchanged (k as four little-endian limbs), with a masked selection:
    /// the same operations run whatever k is.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SubtractOrderIfNotBelow(ref ulong k0, ref ulong k1, ref ulong k2, ref ulong k3)
    {
        var borrow = 0UL;
        var d0 = LimbArithmetic.SubtractWithBorrow(k0, CurveConstants.OrderLimb0, ref borrow);
        var d1 = LimbArithmetic.SubtractWithBorrow(k1, CurveConstants.OrderLimb1, ref borrow);
        var d2 = LimbArithmetic.SubtractWithBorrow(k2, CurveConstants.OrderLimb2, ref borrow);
        var d3 = LimbArithmetic.SubtractWithBorrow(k3, CurveConstants.OrderLimb3, ref borrow);

        // borrow = 1 means k < r: keep k.
        var keep = LimbArithmetic.MaskFromBit(borrow);
        k0 = (k0 & keep) | (d0 & ~keep);
        k1 = (k1 & keep) | (d1 & ~keep);
        k2 = (k2 & keep) | (d2 & ~keep);
        k3 = (k3 & keep) | (d3 & ~keep);
    }
}
