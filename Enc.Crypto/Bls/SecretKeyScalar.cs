using System.Buffers.Binary;
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

                ulong borrow = 0;
                ulong t0 = LimbArithmetic.SubtractWithBorrow(a0, CurveConstants.OrderLimb0, ref borrow);
                ulong t1 = LimbArithmetic.SubtractWithBorrow(a1, CurveConstants.OrderLimb1, ref borrow);
                ulong t2 = LimbArithmetic.SubtractWithBorrow(a2, CurveConstants.OrderLimb2, ref borrow);
                ulong t3 = LimbArithmetic.SubtractWithBorrow(a3, CurveConstants.OrderLimb3, ref borrow);
                ulong keep = 0 - borrow; // all ones when a < r (keep a), zero when a ≥ r (take a − r)
                a0 = (a0 & keep) | (t0 & ~keep);
                a1 = (a1 & keep) | (t1 & ~keep);
                a2 = (a2 & keep) | (t2 & ~keep);
                a3 = (a3 & keep) | (t3 & ~keep);
            }
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, a3);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], a2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], a1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], a0);
    }
}
