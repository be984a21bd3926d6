using System.Runtime.CompilerServices;

namespace Enc.Crypto.Bls.Fields;

/// <content>Addition, subtraction, negation and Montgomery multiplication in F_p.</content>
internal readonly partial struct Fp
{
    // The additive operations are written out limb by limb with a few reused locals rather than
    // through LimbArithmetic.AddWithCarry / SubtractWithBorrow: they are inlined into large callers
    // (tower products, curve formulas), and RyuJIT stops inlining into a method that has reached 512
    // locals ("too many locals"), each inlined helper call adding its own argument and result
    // temporaries. The carry and borrow logic is the helpers': every comparison becomes a value
    // through LimbArithmetic.Bit (setcc), never a conditional expression, which RyuJIT may compile to
    // a jump (it does for a nested conditional, and it does not if-convert inside loops, where these
    // operations are inlined into secret-dependent loops such as the G2 scalar multiplication);
    // ConstantTimeListingTests guards it. The two carries (or borrows) of one limb are never both 1,
    // so they combine with an OR. Where the second operand is p's limb plus a carry or borrow bit the
    // sum cannot wrap (no limb of p is all ones), so one comparison per limb suffices. See
    // docs/crypto.md, "Inlining budget".

    /// <summary>a + b mod p (branch-free).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator +(in Fp a, in Fp b)
    {
        // p < 2³⁸¹, so a + b < 2³⁸² never overflows six limbs.
        var sum = AddUnreduced(a, b);
        return SubtractModulusIfAbove(sum.L0, sum.L1, sum.L2, sum.L3, sum.L4, sum.L5);
    }

    /// <summary>
    /// a + b without the final reduction: a value below 2p (not a canonical field element), only
    /// for use as an operand of <c>*</c>. The Montgomery product accepts operands below 2p: with
    /// a, b &lt; 2p the running sum stays below 3p &lt; 2³⁸³ and the result before the conditional
    /// subtraction is below a·b/2³⁸⁴ + p &lt; 4p²/2³⁸⁴ + p &lt; 1.5p, so the product is fully reduced.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fp AddUnreduced(in Fp a, in Fp b)
    {
        ulong t, w, c, s0, s1, s2, s3, s4;
        s0 = a.L0 + b.L0;
        c = Unsafe.BitCast<bool, byte>(s0 < b.L0);
        t = a.L1 + b.L1;
        w = Unsafe.BitCast<bool, byte>(t < b.L1);
        s1 = t + c;
        c = Unsafe.BitCast<bool, byte>(s1 < t) | w;
        t = a.L2 + b.L2;
        w = Unsafe.BitCast<bool, byte>(t < b.L2);
        s2 = t + c;
        c = Unsafe.BitCast<bool, byte>(s2 < t) | w;
        t = a.L3 + b.L3;
        w = Unsafe.BitCast<bool, byte>(t < b.L3);
        s3 = t + c;
        c = Unsafe.BitCast<bool, byte>(s3 < t) | w;
        t = a.L4 + b.L4;
        w = Unsafe.BitCast<bool, byte>(t < b.L4);
        s4 = t + c;
        c = Unsafe.BitCast<bool, byte>(s4 < t) | w;
        return new Fp(s0, s1, s2, s3, s4, a.L5 + b.L5 + c);
    }

    /// <summary>a − b mod p (branch-free).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator -(in Fp a, in Fp b)
    {
        ulong t, o, w, d0, d1, d2, d3, d4, d5;
        d0 = a.L0 - b.L0;
        w = Unsafe.BitCast<bool, byte>(a.L0 < b.L0);
        t = a.L1 - b.L1;
        o = Unsafe.BitCast<bool, byte>(a.L1 < b.L1);
        d1 = t - w;
        w = Unsafe.BitCast<bool, byte>(t < w) | o;
        t = a.L2 - b.L2;
        o = Unsafe.BitCast<bool, byte>(a.L2 < b.L2);
        d2 = t - w;
        w = Unsafe.BitCast<bool, byte>(t < w) | o;
        t = a.L3 - b.L3;
        o = Unsafe.BitCast<bool, byte>(a.L3 < b.L3);
        d3 = t - w;
        w = Unsafe.BitCast<bool, byte>(t < w) | o;
        t = a.L4 - b.L4;
        o = Unsafe.BitCast<bool, byte>(a.L4 < b.L4);
        d4 = t - w;
        w = Unsafe.BitCast<bool, byte>(t < w) | o;
        t = a.L5 - b.L5;
        o = Unsafe.BitCast<bool, byte>(a.L5 < b.L5);
        d5 = t - w;
        w = Unsafe.BitCast<bool, byte>(t < w) | o;
        return AddModulusIfBorrowed(d0, d1, d2, d3, d4, d5, w);
    }

    /// <summary>−a mod p (branch-free; −0 = 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator -(in Fp a)
    {
        ulong t, o, w, d0, d1, d2, d3, d4, d5;
        d0 = FpConstants.P0 - a.L0;
        w = Unsafe.BitCast<bool, byte>(FpConstants.P0 < a.L0);
        t = FpConstants.P1 - a.L1;
        o = Unsafe.BitCast<bool, byte>(FpConstants.P1 < a.L1);
        d1 = t - w;
        w = Unsafe.BitCast<bool, byte>(t < w) | o;
        t = FpConstants.P2 - a.L2;
        o = Unsafe.BitCast<bool, byte>(FpConstants.P2 < a.L2);
        d2 = t - w;
        w = Unsafe.BitCast<bool, byte>(t < w) | o;
        t = FpConstants.P3 - a.L3;
        o = Unsafe.BitCast<bool, byte>(FpConstants.P3 < a.L3);
        d3 = t - w;
        w = Unsafe.BitCast<bool, byte>(t < w) | o;
        t = FpConstants.P4 - a.L4;
        o = Unsafe.BitCast<bool, byte>(FpConstants.P4 < a.L4);
        d4 = t - w;
        w = Unsafe.BitCast<bool, byte>(t < w) | o;
        t = FpConstants.P5 - a.L5;
        o = Unsafe.BitCast<bool, byte>(FpConstants.P5 < a.L5);
        d5 = t - w;
        w = Unsafe.BitCast<bool, byte>(t < w) | o;

        // p − 0 = p must become 0: zero the result when a is zero.
        w = 0UL - Unsafe.BitCast<bool, byte>((a.L0 | a.L1 | a.L2 | a.L3 | a.L4 | a.L5) != 0);
        return new Fp(d0 & w, d1 & w, d2 & w, d3 & w, d4 & w, d5 & w);
    }

    /// <summary>d + p when <paramref name="borrow"/> is 1 (a subtraction went negative), d otherwise; branch-free.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fp AddModulusIfBorrowed(ulong d0, ulong d1, ulong d2, ulong d3, ulong d4, ulong d5, ulong borrow)
    {
        // mask = all ones or zero; (pᵢ & mask) + c never wraps because no limb of p is all ones.
        ulong mask = 0UL - borrow, t, c;
        t = FpConstants.P0 & mask;
        d0 += t;
        c = Unsafe.BitCast<bool, byte>(d0 < t);
        t = (FpConstants.P1 & mask) + c;
        d1 += t;
        c = Unsafe.BitCast<bool, byte>(d1 < t);
        t = (FpConstants.P2 & mask) + c;
        d2 += t;
        c = Unsafe.BitCast<bool, byte>(d2 < t);
        t = (FpConstants.P3 & mask) + c;
        d3 += t;
        c = Unsafe.BitCast<bool, byte>(d3 < t);
        t = (FpConstants.P4 & mask) + c;
        d4 += t;
        c = Unsafe.BitCast<bool, byte>(d4 < t);
        return new Fp(d0, d1, d2, d3, d4, d5 + (FpConstants.P5 & mask) + c);
    }

    /// <summary>2a mod p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp Double() => this + this;

    /// <summary>Times 3·b = 12, for the G1 curve y² = x³ + 4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp MulByCurveB3()
    {
        var four = Double().Double();
        return four + four + four;
    }

    /// <summary>Times b = 4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp MulByCurveB() => Double().Double();

    /// <summary>
    /// Montgomery product a·b·2⁻³⁸⁴ mod p (CIOS, fully unrolled, "no-carry" variant: no per-round
    /// carry word). Operands may be below 2p (<see cref="AddUnreduced"/>): before each round the
    /// running value T is below 3p &lt; 2³⁸³, so T + a·bᵢ fits in six limbs plus the word
    /// <c>top</c> (&lt; 2⁶³), (T + a·bᵢ + m·p)/2⁶⁴ is again below 3p and <c>top + carry</c> cannot
    /// wrap; the final value is below ab/2³⁸⁴ + p &lt; 1.5p, so one conditional subtraction makes it
    /// canonical. Branch-free.
    /// </summary>
    /// <remarks>
    /// Each round first adds the row a·bᵢ (one carry chain, bᵢ held in a register), then the
    /// reduction row m·p (a second chain): measured 1.09× faster here than interleaving the two
    /// chains limb by limb, because the JIT keeps fewer values live. The limbs of a are read at
    /// their use (<see cref="LimbArithmetic.ReadAtUse"/>) rather than kept in spilled registers.
    /// The rounds are written out, as in <see cref="SumOfProducts"/>, where a helper taking the
    /// limbs by ref measured 1.35× slower.
    /// </remarks>
    public static Fp operator *(in Fp a, in Fp b)
    {
        ulong t0, t1, t2, t3, t4, t5, top, carry, m, bi;

        // Round 0: T += a·b0, then T = (T + m·p) / 2⁶⁴.
        bi = b.L0;
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L0), bi, 0, out t0);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L1), bi, top, out t1);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L2), bi, top, out t2);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L3), bi, top, out t3);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L4), bi, top, out t4);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L5), bi, top, out t5);
        m = t0 * FpConstants.Inv;
        carry = LimbArithmetic.MontgomeryStepCarry(m, FpConstants.P0, t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P1, t1, carry, out t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P2, t2, carry, out t1);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P3, t3, carry, out t2);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P4, t4, carry, out t3);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P5, t5, carry, out t4);
        t5 = top + carry;

        // Round 1: T += a·b1, then T = (T + m·p) / 2⁶⁴.
        bi = b.L1;
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L0), bi, t0, out t0);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L1), bi, t1, top, out t1);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L2), bi, t2, top, out t2);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L3), bi, t3, top, out t3);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L4), bi, t4, top, out t4);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L5), bi, t5, top, out t5);
        m = t0 * FpConstants.Inv;
        carry = LimbArithmetic.MontgomeryStepCarry(m, FpConstants.P0, t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P1, t1, carry, out t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P2, t2, carry, out t1);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P3, t3, carry, out t2);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P4, t4, carry, out t3);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P5, t5, carry, out t4);
        t5 = top + carry;

        // Round 2: T += a·b2, then T = (T + m·p) / 2⁶⁴.
        bi = b.L2;
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L0), bi, t0, out t0);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L1), bi, t1, top, out t1);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L2), bi, t2, top, out t2);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L3), bi, t3, top, out t3);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L4), bi, t4, top, out t4);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L5), bi, t5, top, out t5);
        m = t0 * FpConstants.Inv;
        carry = LimbArithmetic.MontgomeryStepCarry(m, FpConstants.P0, t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P1, t1, carry, out t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P2, t2, carry, out t1);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P3, t3, carry, out t2);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P4, t4, carry, out t3);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P5, t5, carry, out t4);
        t5 = top + carry;

        // Round 3: T += a·b3, then T = (T + m·p) / 2⁶⁴.
        bi = b.L3;
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L0), bi, t0, out t0);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L1), bi, t1, top, out t1);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L2), bi, t2, top, out t2);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L3), bi, t3, top, out t3);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L4), bi, t4, top, out t4);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L5), bi, t5, top, out t5);
        m = t0 * FpConstants.Inv;
        carry = LimbArithmetic.MontgomeryStepCarry(m, FpConstants.P0, t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P1, t1, carry, out t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P2, t2, carry, out t1);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P3, t3, carry, out t2);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P4, t4, carry, out t3);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P5, t5, carry, out t4);
        t5 = top + carry;

        // Round 4: T += a·b4, then T = (T + m·p) / 2⁶⁴.
        bi = b.L4;
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L0), bi, t0, out t0);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L1), bi, t1, top, out t1);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L2), bi, t2, top, out t2);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L3), bi, t3, top, out t3);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L4), bi, t4, top, out t4);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L5), bi, t5, top, out t5);
        m = t0 * FpConstants.Inv;
        carry = LimbArithmetic.MontgomeryStepCarry(m, FpConstants.P0, t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P1, t1, carry, out t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P2, t2, carry, out t1);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P3, t3, carry, out t2);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P4, t4, carry, out t3);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P5, t5, carry, out t4);
        t5 = top + carry;

        // Round 5: T += a·b5, then T = (T + m·p) / 2⁶⁴.
        bi = b.L5;
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L0), bi, t0, out t0);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L1), bi, t1, top, out t1);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L2), bi, t2, top, out t2);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L3), bi, t3, top, out t3);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L4), bi, t4, top, out t4);
        top = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L5), bi, t5, top, out t5);
        m = t0 * FpConstants.Inv;
        carry = LimbArithmetic.MontgomeryStepCarry(m, FpConstants.P0, t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P1, t1, carry, out t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P2, t2, carry, out t1);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P3, t3, carry, out t2);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P4, t4, carry, out t3);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P5, t5, carry, out t4);
        t5 = top + carry;

        return SubtractModulusIfAbove(t0, t1, t2, t3, t4, t5);
    }

    /// <summary>Maps a value in [0, 2p) into [0, p) by a branch-free conditional subtraction of p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fp SubtractModulusIfAbove(ulong s0, ulong s1, ulong s2, ulong s3, ulong s4, ulong s5)
    {
        // d = s − p; pᵢ + borrow never wraps (no limb of p is all ones), so one comparison per limb.
        ulong t, w, d0, d1, d2, d3, d4, d5;
        d0 = s0 - FpConstants.P0;
        w = Unsafe.BitCast<bool, byte>(s0 < FpConstants.P0);
        t = FpConstants.P1 + w;
        d1 = s1 - t;
        w = Unsafe.BitCast<bool, byte>(s1 < t);
        t = FpConstants.P2 + w;
        d2 = s2 - t;
        w = Unsafe.BitCast<bool, byte>(s2 < t);
        t = FpConstants.P3 + w;
        d3 = s3 - t;
        w = Unsafe.BitCast<bool, byte>(s3 < t);
        t = FpConstants.P4 + w;
        d4 = s4 - t;
        w = Unsafe.BitCast<bool, byte>(s4 < t);
        t = FpConstants.P5 + w;
        d5 = s5 - t;
        w = Unsafe.BitCast<bool, byte>(s5 < t);

        // w = 1 means s < p: keep s.
        w = 0UL - w;
        return new Fp(
            (s0 & w) | (d0 & ~w),
            (s1 & w) | (d1 & ~w),
            (s2 & w) | (d2 & ~w),
            (s3 & w) | (d3 & ~w),
            (s4 & w) | (d4 & ~w),
            (s5 & w) | (d5 & ~w));
    }
}
