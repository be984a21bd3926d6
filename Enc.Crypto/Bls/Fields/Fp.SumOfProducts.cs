using System.Runtime.CompilerServices;

namespace Enc.Crypto.Bls.Fields;

/// <content>The sum of two Montgomery products with a single reduction.</content>
internal readonly partial struct Fp
{
    /// <summary>
    /// a·b + c·d mod p (Montgomery form) with one interleaved reduction instead of two, for F_p²
    /// multiplication: both rows of limb products are added before each reduction step, so the
    /// 36 limb products of one reduction are saved. Branch-free.
    /// </summary>
    /// <remarks>
    /// Bounds: before round i the running value T is below 3p (the invariant of CIOS with two
    /// product rows: T' = (T + a·bᵢ + c·dᵢ + m·p)/2⁶⁴ &lt; (3p + 3p·(2⁶⁴ − 1))/2⁶⁴ &lt; 3p), so
    /// T + a·bᵢ + c·dᵢ + m·p &lt; 3p·(2⁶⁴ + 1) &lt; 2⁴⁴⁸ fits in seven limbs and the top limb never
    /// overflows (3p &lt; 2³⁸³). The final value is (ab + cd + M·p)/2³⁸⁴ &lt; 2p²/2³⁸⁴ + p &lt; 1.21p, so one
    /// conditional subtraction of p makes it canonical.
    /// Each round adds the row a·bᵢ, then the row c·dᵢ (one carry chain each, the multiplier held in a
    /// register, the limbs of a and c read at their use: <see cref="LimbArithmetic.ReadAtUse"/>), then
    /// the reduction row, as in <c>*</c>: 1,449 instructions and a 584-byte frame against 1,553 and 808
    /// bytes when the two product rows were interleaved limb by limb (.NET 10.0.12), ≈ 1.5 % off pairing,
    /// Sign and Verify in a same-process comparison (docs/benchmarks.md, session 6).
    /// The six rounds are written out: a helper taking the limbs by ref has fewer instructions but
    /// measured 1.35× slower (112 ns against 150 ns per call, same process).
    /// </remarks>
    public static Fp SumOfProducts(in Fp a, in Fp b, in Fp c, in Fp d)
    {
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, topAB, topCD, carry, m, bi, di;

        // Round 0: T += a·b0, then T += c·d0, then T = (T + m·p) / 2⁶⁴.
        bi = b.L0;
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L0), bi, t0, out t0);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L1), bi, t1, topAB, out t1);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L2), bi, t2, topAB, out t2);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L3), bi, t3, topAB, out t3);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L4), bi, t4, topAB, out t4);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L5), bi, t5, topAB, out t5);
        di = d.L0;
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L0), di, t0, out t0);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L1), di, t1, topCD, out t1);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L2), di, t2, topCD, out t2);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L3), di, t3, topCD, out t3);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L4), di, t4, topCD, out t4);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L5), di, t5, topCD, out t5);
        m = t0 * FpConstants.Inv;
        carry = LimbArithmetic.MontgomeryStepCarry(m, FpConstants.P0, t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P1, t1, carry, out t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P2, t2, carry, out t1);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P3, t3, carry, out t2);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P4, t4, carry, out t3);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P5, t5, carry, out t4);
        t5 = topAB + topCD + carry;

        // Round 1: T += a·b1, then T += c·d1, then T = (T + m·p) / 2⁶⁴.
        bi = b.L1;
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L0), bi, t0, out t0);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L1), bi, t1, topAB, out t1);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L2), bi, t2, topAB, out t2);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L3), bi, t3, topAB, out t3);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L4), bi, t4, topAB, out t4);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L5), bi, t5, topAB, out t5);
        di = d.L1;
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L0), di, t0, out t0);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L1), di, t1, topCD, out t1);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L2), di, t2, topCD, out t2);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L3), di, t3, topCD, out t3);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L4), di, t4, topCD, out t4);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L5), di, t5, topCD, out t5);
        m = t0 * FpConstants.Inv;
        carry = LimbArithmetic.MontgomeryStepCarry(m, FpConstants.P0, t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P1, t1, carry, out t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P2, t2, carry, out t1);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P3, t3, carry, out t2);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P4, t4, carry, out t3);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P5, t5, carry, out t4);
        t5 = topAB + topCD + carry;

        // Round 2: T += a·b2, then T += c·d2, then T = (T + m·p) / 2⁶⁴.
        bi = b.L2;
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L0), bi, t0, out t0);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L1), bi, t1, topAB, out t1);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L2), bi, t2, topAB, out t2);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L3), bi, t3, topAB, out t3);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L4), bi, t4, topAB, out t4);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L5), bi, t5, topAB, out t5);
        di = d.L2;
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L0), di, t0, out t0);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L1), di, t1, topCD, out t1);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L2), di, t2, topCD, out t2);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L3), di, t3, topCD, out t3);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L4), di, t4, topCD, out t4);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L5), di, t5, topCD, out t5);
        m = t0 * FpConstants.Inv;
        carry = LimbArithmetic.MontgomeryStepCarry(m, FpConstants.P0, t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P1, t1, carry, out t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P2, t2, carry, out t1);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P3, t3, carry, out t2);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P4, t4, carry, out t3);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P5, t5, carry, out t4);
        t5 = topAB + topCD + carry;

        // Round 3: T += a·b3, then T += c·d3, then T = (T + m·p) / 2⁶⁴.
        bi = b.L3;
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L0), bi, t0, out t0);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L1), bi, t1, topAB, out t1);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L2), bi, t2, topAB, out t2);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L3), bi, t3, topAB, out t3);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L4), bi, t4, topAB, out t4);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L5), bi, t5, topAB, out t5);
        di = d.L3;
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L0), di, t0, out t0);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L1), di, t1, topCD, out t1);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L2), di, t2, topCD, out t2);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L3), di, t3, topCD, out t3);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L4), di, t4, topCD, out t4);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L5), di, t5, topCD, out t5);
        m = t0 * FpConstants.Inv;
        carry = LimbArithmetic.MontgomeryStepCarry(m, FpConstants.P0, t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P1, t1, carry, out t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P2, t2, carry, out t1);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P3, t3, carry, out t2);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P4, t4, carry, out t3);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P5, t5, carry, out t4);
        t5 = topAB + topCD + carry;

        // Round 4: T += a·b4, then T += c·d4, then T = (T + m·p) / 2⁶⁴.
        bi = b.L4;
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L0), bi, t0, out t0);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L1), bi, t1, topAB, out t1);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L2), bi, t2, topAB, out t2);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L3), bi, t3, topAB, out t3);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L4), bi, t4, topAB, out t4);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L5), bi, t5, topAB, out t5);
        di = d.L4;
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L0), di, t0, out t0);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L1), di, t1, topCD, out t1);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L2), di, t2, topCD, out t2);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L3), di, t3, topCD, out t3);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L4), di, t4, topCD, out t4);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L5), di, t5, topCD, out t5);
        m = t0 * FpConstants.Inv;
        carry = LimbArithmetic.MontgomeryStepCarry(m, FpConstants.P0, t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P1, t1, carry, out t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P2, t2, carry, out t1);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P3, t3, carry, out t2);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P4, t4, carry, out t3);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P5, t5, carry, out t4);
        t5 = topAB + topCD + carry;

        // Round 5: T += a·b5, then T += c·d5, then T = (T + m·p) / 2⁶⁴.
        bi = b.L5;
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L0), bi, t0, out t0);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L1), bi, t1, topAB, out t1);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L2), bi, t2, topAB, out t2);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L3), bi, t3, topAB, out t3);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L4), bi, t4, topAB, out t4);
        topAB = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(a.L5), bi, t5, topAB, out t5);
        di = d.L5;
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L0), di, t0, out t0);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L1), di, t1, topCD, out t1);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L2), di, t2, topCD, out t2);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L3), di, t3, topCD, out t3);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L4), di, t4, topCD, out t4);
        topCD = LimbArithmetic.MultiplyAdd(LimbArithmetic.ReadAtUse(c.L5), di, t5, topCD, out t5);
        m = t0 * FpConstants.Inv;
        carry = LimbArithmetic.MontgomeryStepCarry(m, FpConstants.P0, t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P1, t1, carry, out t0);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P2, t2, carry, out t1);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P3, t3, carry, out t2);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P4, t4, carry, out t3);
        carry = LimbArithmetic.MultiplyAdd(m, FpConstants.P5, t5, carry, out t4);
        t5 = topAB + topCD + carry;

        return SubtractModulusIfAbove(t0, t1, t2, t3, t4, t5);
    }
}
