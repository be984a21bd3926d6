using System.Runtime.CompilerServices;

namespace Enc.Crypto.Bls.Fields;

/// <content>Applying a batch's transition matrix to the full-size f, g and d, e.</content>
/// <remarks>
/// Sums are signed 128-bit values held as two words (lo, hi) in two's complement: every product
/// of a matrix entry (|entry| ≤ 2⁶²) with a limb (|limb| &lt; 2⁶³) is below 2¹²⁵, and at most
/// three of them plus the carried-in sum stay below 2¹²⁷. A signed product is the unsigned one
/// with the high word corrected by the other operand for each negative factor.
/// </remarks>
internal static partial class BernsteinYangInverse
{
    /// <summary>
    /// [f, g] ← (1/2⁶²)·M·[f, g] over the first <c>f.Length</c> limbs. The low 62 bits of both
    /// products are zero by construction of M, so the division is a shift of whole limbs.
    /// </summary>
    private static void UpdateFg(Span<long> f, Span<long> g, in DivstepMatrix matrix)
    {
        long u = matrix.U, v = matrix.V, q = matrix.Q, r = matrix.R;
        var length = f.Length;
        ulong fLo = 0, fHi = 0, gLo = 0, gHi = 0;
        for (var i = 0; i < length; i++)
        {
            // Only the top limb can be negative; the signed product on every limb keeps one loop at two
            // extra operations per lower limb.
            long fi = f[i], gi = g[i];
            MultiplyAddSigned(ref fLo, ref fHi, u, fi);
            MultiplyAddSigned(ref fLo, ref fHi, v, gi);
            MultiplyAddSigned(ref gLo, ref gHi, q, fi);
            MultiplyAddSigned(ref gLo, ref gHi, r, gi);
            if (i > 0)
            {
                f[i - 1] = (long)fLo & LimbMask;
                g[i - 1] = (long)gLo & LimbMask;
            }

            ShiftDown(ref fLo, ref fHi);
            ShiftDown(ref gLo, ref gHi);
        }

        f[length - 1] = (long)fLo;
        g[length - 1] = (long)gLo;
    }

    /// <summary>
    /// [d, e] ← (1/2⁶²)·M·[d, e] mod p for d, e ∈ (−2p, p), staying in (−2p, p).
    /// </summary>
    /// <remarks>
    /// A negative input first counts as itself plus p (adding the matching column of M times p),
    /// which puts the inputs in (−p, p); then md, me are lowered by the amount in [0, 2⁶²) that
    /// makes M·[d, e] + p·[md, me] divisible by 2⁶². The result is below (2⁶²·p + 0)/2⁶² = p and
    /// above (−2⁶²·p − 2⁶²·p)/2⁶² = −2p (safegcd's update_de bounds, as in libsecp256k1's notes).
    /// </remarks>
    private static void UpdateDe(Span<long> d, Span<long> e, in DivstepMatrix matrix)
    {
        long u = matrix.U, v = matrix.V, q = matrix.Q, r = matrix.R;
        d = d[..LimbCount];
        e = e[..LimbCount];
        var dNegative = d[6] >> 63;
        var eNegative = e[6] >> 63;
        var md = (u & dNegative) + (v & eNegative);
        var me = (q & dNegative) + (r & eNegative);

        ulong dLo = 0, dHi = 0, eLo = 0, eHi = 0;
        long d0 = d[0], e0 = e[0];
        AccumulateProduct(ref dLo, ref dHi, u, d0);
        AccumulateProduct(ref dLo, ref dHi, v, e0);
        AccumulateProduct(ref eLo, ref eHi, q, d0);
        AccumulateProduct(ref eLo, ref eHi, r, e0);
        md -= (long)((ModulusInverse62 * dLo + (ulong)md) & LimbMask);
        me -= (long)((ModulusInverse62 * eLo + (ulong)me) & LimbMask);
        AccumulateProduct(ref dLo, ref dHi, md, Modulus0);
        AccumulateProduct(ref eLo, ref eHi, me, Modulus0);
        ShiftDown(ref dLo, ref dHi);
        ShiftDown(ref eLo, ref eHi);

        NextLimb(d, e, 1, matrix, md, me, Modulus1, ref dLo, ref dHi, ref eLo, ref eHi);
        NextLimb(d, e, 2, matrix, md, me, Modulus2, ref dLo, ref dHi, ref eLo, ref eHi);
        NextLimb(d, e, 3, matrix, md, me, Modulus3, ref dLo, ref dHi, ref eLo, ref eHi);
        NextLimb(d, e, 4, matrix, md, me, Modulus4, ref dLo, ref dHi, ref eLo, ref eHi);
        NextLimb(d, e, 5, matrix, md, me, Modulus5, ref dLo, ref dHi, ref eLo, ref eHi);

        long d6 = d[6], e6 = e[6];
        MultiplyAddSigned(ref dLo, ref dHi, u, d6);
        MultiplyAddSigned(ref dLo, ref dHi, v, e6);
        AccumulateProduct(ref dLo, ref dHi, md, Modulus6);
        MultiplyAddSigned(ref eLo, ref eHi, q, d6);
        MultiplyAddSigned(ref eLo, ref eHi, r, e6);
        AccumulateProduct(ref eLo, ref eHi, me, Modulus6);
        d[5] = (long)dLo & LimbMask;
        e[5] = (long)eLo & LimbMask;
        ShiftDown(ref dLo, ref dHi);
        ShiftDown(ref eLo, ref eHi);
        d[6] = (long)dLo;
        e[6] = (long)eLo;
    }

    /// <summary>Adds limb i (0 &lt; i &lt; 6, non-negative) of M·[d, e] + p·[md, me] and emits output limb i − 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void NextLimb(
        Span<long> d, Span<long> e, int i, in DivstepMatrix matrix, long md, long me, long modulusLimb,
        ref ulong dLo, ref ulong dHi, ref ulong eLo, ref ulong eHi)
    {
        long di = d[i], ei = e[i];
        AccumulateProduct(ref dLo, ref dHi, matrix.U, di);
        AccumulateProduct(ref dLo, ref dHi, matrix.V, ei);
        AccumulateProduct(ref dLo, ref dHi, md, modulusLimb);
        AccumulateProduct(ref eLo, ref eHi, matrix.Q, di);
        AccumulateProduct(ref eLo, ref eHi, matrix.R, ei);
        AccumulateProduct(ref eLo, ref eHi, me, modulusLimb);
        d[i - 1] = (long)dLo & LimbMask;
        e[i - 1] = (long)eLo & LimbMask;
        ShiftDown(ref dLo, ref dHi);
        ShiftDown(ref eLo, ref eHi);
    }

    /// <summary>(lo, hi) += a·b for a signed a and a non-negative b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AccumulateProduct(ref ulong lo, ref ulong hi, long a, long b)
    {
        var productHi = LimbArithmetic.MultiplyHigh((ulong)a, (ulong)b) - ((ulong)b & (ulong)(a >> 63));
        var productLo = (ulong)a * (ulong)b;
        lo += productLo;
        hi += productHi + (lo < productLo ? 1UL : 0UL);
    }

    /// <summary>(lo, hi) += a·b for signed a and b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyAddSigned(ref ulong lo, ref ulong hi, long a, long b)
    {
        AccumulateProduct(ref lo, ref hi, a, b);
        hi -= (ulong)a & (ulong)(b >> 63);
    }

    /// <summary>Arithmetic shift of the signed 128-bit (lo, hi) right by 62 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ShiftDown(ref ulong lo, ref ulong hi)
    {
        lo = (lo >> LimbBits) | (hi << (64 - LimbBits));
        hi = (ulong)((long)hi >> LimbBits);
    }
}
