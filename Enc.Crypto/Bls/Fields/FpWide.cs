using System.Runtime.CompilerServices;

namespace Enc.Crypto.Bls.Fields;

/// <summary>
/// A 768-bit intermediate product of two F_p values (twelve little-endian limbs), for lazy
/// reduction: F_p² multiplication forms a0b0 − a1b1 and a0b1 + a1b0 at double width and reduces
/// each once, instead of reducing all three Karatsuba products. Values stay below p·2³⁸⁴, the
/// input bound of <see cref="Reduce"/>. Branch-free.
/// </summary>
internal readonly struct FpWide
{
    public readonly ulong W0, W1, W2, W3, W4, W5, W6, W7, W8, W9, W10, W11;

    private FpWide(ulong w0, ulong w1, ulong w2, ulong w3, ulong w4, ulong w5, ulong w6, ulong w7, ulong w8, ulong w9, ulong w10, ulong w11)
    {
        W0 = w0;
        W1 = w1;
        W2 = w2;
        W3 = w3;
        W4 = w4;
        W5 = w5;
        W6 = w6;
        W7 = w7;
        W8 = w8;
        W9 = w9;
        W10 = w10;
        W11 = w11;
    }

    /// <summary>
    /// a + b on raw limbs without reduction (result below 2p, since p &lt; 2³⁸¹): only valid as an
    /// operand of <see cref="Multiply"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp AddUnreduced(in Fp a, in Fp b)
    {
        var carry = 0UL;
        var s0 = LimbArithmetic.AddWithCarry(a.L0, b.L0, ref carry);
        var s1 = LimbArithmetic.AddWithCarry(a.L1, b.L1, ref carry);
        var s2 = LimbArithmetic.AddWithCarry(a.L2, b.L2, ref carry);
        var s3 = LimbArithmetic.AddWithCarry(a.L3, b.L3, ref carry);
        var s4 = LimbArithmetic.AddWithCarry(a.L4, b.L4, ref carry);
        return new Fp(s0, s1, s2, s3, s4, a.L5 + b.L5 + carry);
    }

    /// <summary>The full 12-limb product of two 6-limb values (schoolbook, 36 limb products).</summary>
    public static FpWide Multiply(in Fp a, in Fp b)
    {
        ulong r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, c;
        c = LimbArithmetic.MultiplyAdd(a.L0, b.L0, 0, out r0);
        c = LimbArithmetic.MultiplyAdd(a.L0, b.L1, c, out r1);
        c = LimbArithmetic.MultiplyAdd(a.L0, b.L2, c, out r2);
        c = LimbArithmetic.MultiplyAdd(a.L0, b.L3, c, out r3);
        c = LimbArithmetic.MultiplyAdd(a.L0, b.L4, c, out r4);
        c = LimbArithmetic.MultiplyAdd(a.L0, b.L5, c, out r5);
        r6 = c;
        c = LimbArithmetic.MultiplyAdd(a.L1, b.L0, r1, out r1);
        c = LimbArithmetic.MultiplyAdd(a.L1, b.L1, r2, c, out r2);
        c = LimbArithmetic.MultiplyAdd(a.L1, b.L2, r3, c, out r3);
        c = LimbArithmetic.MultiplyAdd(a.L1, b.L3, r4, c, out r4);
        c = LimbArithmetic.MultiplyAdd(a.L1, b.L4, r5, c, out r5);
        c = LimbArithmetic.MultiplyAdd(a.L1, b.L5, r6, c, out r6);
        r7 = c;
        c = LimbArithmetic.MultiplyAdd(a.L2, b.L0, r2, out r2);
        c = LimbArithmetic.MultiplyAdd(a.L2, b.L1, r3, c, out r3);
        c = LimbArithmetic.MultiplyAdd(a.L2, b.L2, r4, c, out r4);
        c = LimbArithmetic.MultiplyAdd(a.L2, b.L3, r5, c, out r5);
        c = LimbArithmetic.MultiplyAdd(a.L2, b.L4, r6, c, out r6);
        c = LimbArithmetic.MultiplyAdd(a.L2, b.L5, r7, c, out r7);
        r8 = c;
        c = LimbArithmetic.MultiplyAdd(a.L3, b.L0, r3, out r3);
        c = LimbArithmetic.MultiplyAdd(a.L3, b.L1, r4, c, out r4);
        c = LimbArithmetic.MultiplyAdd(a.L3, b.L2, r5, c, out r5);
        c = LimbArithmetic.MultiplyAdd(a.L3, b.L3, r6, c, out r6);
        c = LimbArithmetic.MultiplyAdd(a.L3, b.L4, r7, c, out r7);
        c = LimbArithmetic.MultiplyAdd(a.L3, b.L5, r8, c, out r8);
        r9 = c;
        c = LimbArithmetic.MultiplyAdd(a.L4, b.L0, r4, out r4);
        c = LimbArithmetic.MultiplyAdd(a.L4, b.L1, r5, c, out r5);
        c = LimbArithmetic.MultiplyAdd(a.L4, b.L2, r6, c, out r6);
        c = LimbArithmetic.MultiplyAdd(a.L4, b.L3, r7, c, out r7);
        c = LimbArithmetic.MultiplyAdd(a.L4, b.L4, r8, c, out r8);
        c = LimbArithmetic.MultiplyAdd(a.L4, b.L5, r9, c, out r9);
        r10 = c;
        c = LimbArithmetic.MultiplyAdd(a.L5, b.L0, r5, out r5);
        c = LimbArithmetic.MultiplyAdd(a.L5, b.L1, r6, c, out r6);
        c = LimbArithmetic.MultiplyAdd(a.L5, b.L2, r7, c, out r7);
        c = LimbArithmetic.MultiplyAdd(a.L5, b.L3, r8, c, out r8);
        c = LimbArithmetic.MultiplyAdd(a.L5, b.L4, r9, c, out r9);
        c = LimbArithmetic.MultiplyAdd(a.L5, b.L5, r10, c, out r10);
        r11 = c;
        return new FpWide(r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11);
    }

    /// <summary>a − b where the caller guarantees a ≥ b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FpWide operator -(in FpWide a, in FpWide b)
    {
        var borrow = 0UL;
        var d0 = LimbArithmetic.SubtractWithBorrow(a.W0, b.W0, ref borrow);
        var d1 = LimbArithmetic.SubtractWithBorrow(a.W1, b.W1, ref borrow);
        var d2 = LimbArithmetic.SubtractWithBorrow(a.W2, b.W2, ref borrow);
        var d3 = LimbArithmetic.SubtractWithBorrow(a.W3, b.W3, ref borrow);
        var d4 = LimbArithmetic.SubtractWithBorrow(a.W4, b.W4, ref borrow);
        var d5 = LimbArithmetic.SubtractWithBorrow(a.W5, b.W5, ref borrow);
        var d6 = LimbArithmetic.SubtractWithBorrow(a.W6, b.W6, ref borrow);
        var d7 = LimbArithmetic.SubtractWithBorrow(a.W7, b.W7, ref borrow);
        var d8 = LimbArithmetic.SubtractWithBorrow(a.W8, b.W8, ref borrow);
        var d9 = LimbArithmetic.SubtractWithBorrow(a.W9, b.W9, ref borrow);
        var d10 = LimbArithmetic.SubtractWithBorrow(a.W10, b.W10, ref borrow);
        var d11 = LimbArithmetic.SubtractWithBorrow(a.W11, b.W11, ref borrow);
        return new FpWide(d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11);
    }

    /// <summary>a − b for a, b &lt; p·2³⁸⁴, with p·2³⁸⁴ added back when the difference is negative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FpWide SubtractModular(in FpWide a, in FpWide b)
    {
        var borrow = 0UL;
        var d0 = LimbArithmetic.SubtractWithBorrow(a.W0, b.W0, ref borrow);
        var d1 = LimbArithmetic.SubtractWithBorrow(a.W1, b.W1, ref borrow);
        var d2 = LimbArithmetic.SubtractWithBorrow(a.W2, b.W2, ref borrow);
        var d3 = LimbArithmetic.SubtractWithBorrow(a.W3, b.W3, ref borrow);
        var d4 = LimbArithmetic.SubtractWithBorrow(a.W4, b.W4, ref borrow);
        var d5 = LimbArithmetic.SubtractWithBorrow(a.W5, b.W5, ref borrow);
        var d6 = LimbArithmetic.SubtractWithBorrow(a.W6, b.W6, ref borrow);
        var d7 = LimbArithmetic.SubtractWithBorrow(a.W7, b.W7, ref borrow);
        var d8 = LimbArithmetic.SubtractWithBorrow(a.W8, b.W8, ref borrow);
        var d9 = LimbArithmetic.SubtractWithBorrow(a.W9, b.W9, ref borrow);
        var d10 = LimbArithmetic.SubtractWithBorrow(a.W10, b.W10, ref borrow);
        var d11 = LimbArithmetic.SubtractWithBorrow(a.W11, b.W11, ref borrow);

        // A negative difference wraps; adding p·2³⁸⁴ (p to the upper half) brings it back into [0, p·2³⁸⁴).
        var mask = LimbArithmetic.MaskFromBit(borrow);
        var carry = 0UL;
        d6 = LimbArithmetic.AddWithCarry(d6, FpConstants.P0 & mask, ref carry);
        d7 = LimbArithmetic.AddWithCarry(d7, FpConstants.P1 & mask, ref carry);
        d8 = LimbArithmetic.AddWithCarry(d8, FpConstants.P2 & mask, ref carry);
        d9 = LimbArithmetic.AddWithCarry(d9, FpConstants.P3 & mask, ref carry);
        d10 = LimbArithmetic.AddWithCarry(d10, FpConstants.P4 & mask, ref carry);
        d11 = LimbArithmetic.AddWithCarry(d11, FpConstants.P5 & mask, ref carry);
        return new FpWide(d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11);
    }

    /// <summary>Montgomery reduction: this·2⁻³⁸⁴ mod p, fully reduced.</summary>
    public Fp Reduce() => Fp.MontgomeryReduce(W0, W1, W2, W3, W4, W5, W6, W7, W8, W9, W10, W11);
}
