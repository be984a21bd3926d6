using System.Runtime.CompilerServices;

namespace Enc.Crypto.Bls.Fields;

/// <content>Dedicated squaring and the Montgomery reduction of a double-width value.</content>
internal readonly partial struct Fp
{
    /// <summary>
    /// a² mod p: the 15 off-diagonal limb products are computed once and doubled, the 6 squares
    /// added, then the 12-limb result is Montgomery-reduced (57 limb products instead of 72).
    /// Branch-free.
    /// </summary>
    public Fp Square() => Square(this);

    private static Fp Square(in Fp a)
    {
        ulong r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, c;
        c = LimbArithmetic.MultiplyAdd(a.L0, a.L1, 0, out r1);
        c = LimbArithmetic.MultiplyAdd(a.L0, a.L2, c, out r2);
        c = LimbArithmetic.MultiplyAdd(a.L0, a.L3, c, out r3);
        c = LimbArithmetic.MultiplyAdd(a.L0, a.L4, c, out r4);
        c = LimbArithmetic.MultiplyAdd(a.L0, a.L5, c, out r5);
        r6 = c;
        c = LimbArithmetic.MultiplyAdd(a.L1, a.L2, r3, out r3);
        c = LimbArithmetic.MultiplyAdd(a.L1, a.L3, r4, c, out r4);
        c = LimbArithmetic.MultiplyAdd(a.L1, a.L4, r5, c, out r5);
        c = LimbArithmetic.MultiplyAdd(a.L1, a.L5, r6, c, out r6);
        r7 = c;
        c = LimbArithmetic.MultiplyAdd(a.L2, a.L3, r5, out r5);
        c = LimbArithmetic.MultiplyAdd(a.L2, a.L4, r6, c, out r6);
        c = LimbArithmetic.MultiplyAdd(a.L2, a.L5, r7, c, out r7);
        r8 = c;
        c = LimbArithmetic.MultiplyAdd(a.L3, a.L4, r7, out r7);
        c = LimbArithmetic.MultiplyAdd(a.L3, a.L5, r8, c, out r8);
        r9 = c;
        c = LimbArithmetic.MultiplyAdd(a.L4, a.L5, r9, out r9);
        r10 = c;

        // Double the off-diagonal sum.
        r11 = r10 >> 63;
        r10 = (r10 << 1) | (r9 >> 63);
        r9 = (r9 << 1) | (r8 >> 63);
        r8 = (r8 << 1) | (r7 >> 63);
        r7 = (r7 << 1) | (r6 >> 63);
        r6 = (r6 << 1) | (r5 >> 63);
        r5 = (r5 << 1) | (r4 >> 63);
        r4 = (r4 << 1) | (r3 >> 63);
        r3 = (r3 << 1) | (r2 >> 63);
        r2 = (r2 << 1) | (r1 >> 63);
        r1 <<= 1;

        // Add the squares on the diagonal.
        c = 0;
        var hi = LimbArithmetic.MultiplyAdd(a.L0, a.L0, 0, out r0);
        r1 = LimbArithmetic.AddWithCarry(r1, hi, ref c);
        hi = LimbArithmetic.MultiplyAdd(a.L1, a.L1, 0, out var lo1);
        r2 = LimbArithmetic.AddWithCarry(r2, lo1, ref c);
        r3 = LimbArithmetic.AddWithCarry(r3, hi, ref c);
        hi = LimbArithmetic.MultiplyAdd(a.L2, a.L2, 0, out var lo2);
        r4 = LimbArithmetic.AddWithCarry(r4, lo2, ref c);
        r5 = LimbArithmetic.AddWithCarry(r5, hi, ref c);
        hi = LimbArithmetic.MultiplyAdd(a.L3, a.L3, 0, out var lo3);
        r6 = LimbArithmetic.AddWithCarry(r6, lo3, ref c);
        r7 = LimbArithmetic.AddWithCarry(r7, hi, ref c);
        hi = LimbArithmetic.MultiplyAdd(a.L4, a.L4, 0, out var lo4);
        r8 = LimbArithmetic.AddWithCarry(r8, lo4, ref c);
        r9 = LimbArithmetic.AddWithCarry(r9, hi, ref c);
        hi = LimbArithmetic.MultiplyAdd(a.L5, a.L5, 0, out var lo5);
        r10 = LimbArithmetic.AddWithCarry(r10, lo5, ref c);
        r11 = LimbArithmetic.AddWithCarry(r11, hi, ref c);

        return MontgomeryReduce(r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11);
    }

    /// <summary>
    /// Montgomery reduction t·2⁻³⁸⁴ mod p of a 12-limb value t &lt; p·2³⁸⁴ (separated operand
    /// scanning). The result is below 2p before the final conditional subtraction.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fp MontgomeryReduce(
        ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5,
        ulong t6, ulong t7, ulong t8, ulong t9, ulong t10, ulong t11)
    {
        ulong m, c, top = 0;
        m = t0 * FpConstants.Inv;
        c = LimbArithmetic.MontgomeryStepCarry(m, FpConstants.P0, t0);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P1, t1, c, out t1);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P2, t2, c, out t2);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P3, t3, c, out t3);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P4, t4, c, out t4);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P5, t5, c, out t5);
        t6 = LimbArithmetic.AddWithCarry(t6, c, ref top);
        m = t1 * FpConstants.Inv;
        c = LimbArithmetic.MontgomeryStepCarry(m, FpConstants.P0, t1);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P1, t2, c, out t2);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P2, t3, c, out t3);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P3, t4, c, out t4);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P4, t5, c, out t5);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P5, t6, c, out t6);
        t7 = LimbArithmetic.AddWithCarry(t7, c, ref top);
        m = t2 * FpConstants.Inv;
        c = LimbArithmetic.MontgomeryStepCarry(m, FpConstants.P0, t2);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P1, t3, c, out t3);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P2, t4, c, out t4);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P3, t5, c, out t5);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P4, t6, c, out t6);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P5, t7, c, out t7);
        t8 = LimbArithmetic.AddWithCarry(t8, c, ref top);
        m = t3 * FpConstants.Inv;
        c = LimbArithmetic.MontgomeryStepCarry(m, FpConstants.P0, t3);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P1, t4, c, out t4);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P2, t5, c, out t5);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P3, t6, c, out t6);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P4, t7, c, out t7);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P5, t8, c, out t8);
        t9 = LimbArithmetic.AddWithCarry(t9, c, ref top);
        m = t4 * FpConstants.Inv;
        c = LimbArithmetic.MontgomeryStepCarry(m, FpConstants.P0, t4);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P1, t5, c, out t5);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P2, t6, c, out t6);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P3, t7, c, out t7);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P4, t8, c, out t8);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P5, t9, c, out t9);
        t10 = LimbArithmetic.AddWithCarry(t10, c, ref top);
        m = t5 * FpConstants.Inv;
        c = LimbArithmetic.MontgomeryStepCarry(m, FpConstants.P0, t5);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P1, t6, c, out t6);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P2, t7, c, out t7);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P3, t8, c, out t8);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P4, t9, c, out t9);
        c = LimbArithmetic.MultiplyAdd(m, FpConstants.P5, t10, c, out t10);
        t11 = LimbArithmetic.AddWithCarry(t11, c, ref top);

        return SubtractModulusIfAbove(t6, t7, t8, t9, t10, t11);
    }
}
