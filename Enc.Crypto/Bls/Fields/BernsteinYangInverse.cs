using System.Diagnostics;

namespace Enc.Crypto.Bls.Fields;

/// <summary>
/// Variable-time inversion modulo the BLS12-381 prime p by Bernstein–Yang division steps
/// ("Fast constant-time gcd computation and modular inversion", IACR ePrint 2019/266), in the
/// variable-time form that skips runs of zero bits and cancels several low bits of g per step.
/// </summary>
/// <remarks>
/// <para>
/// State: f, g (f = p and g = x at the start; gcd-preserving steps drive g to 0 and leave f = ±1),
/// d, e with d·x ≡ f·c and e·x ≡ g·c (mod p), and δ (kept as η = −δ). Starting from d = 0,
/// e = c = R² (R = 2³⁸⁴) makes the final ±d equal to R²·x⁻¹: for the raw limbs x = aR of a
/// Montgomery-form element that is exactly a⁻¹R, the Montgomery form of the inverse, so no
/// conversion multiplication is needed afterwards.
/// </para>
/// <para>
/// The numbers are held as seven signed 62-bit limbs (limbs 0–5 in [0, 2⁶²), the top one signed),
/// so the products of a limb with a matrix entry (|entry| ≤ 2⁶²) and their sums fit 128 bits.
/// Each batch runs 62 divsteps on the low words of f and g alone (<see cref="Divsteps62"/>), then
/// applies the resulting <see cref="DivstepMatrix"/> once to the full f, g (an exact division by
/// 2⁶²) and to d, e (adding the multiple of p that clears the low 62 bits, keeping both in
/// (−2p, p)). Batches stop as soon as g = 0; f and g lose a limb whenever both top limbs are
/// sign words. Bernstein–Yang's bound (Theorem 11.2: g reaches 0 within ⌊(49·381 + 57)/17⌋ = 1101
/// divsteps for 381-bit inputs) caps the loop at 18 batches; random inputs need 13.0 on average
/// (at most 14 in 20,000 trials).
/// </para>
/// <para>
/// <b>Not constant time</b>: the step count and the branches inside every batch depend on x.
/// Use only for public values or values blinded by a fresh random factor
/// (<see cref="Fp.InverseBlinded"/>).
/// </para>
/// </remarks>
internal static partial class BernsteinYangInverse
{
    /// <summary>Limbs per number: 7 × 62 = 434 bits hold any value in (−2p, p) with its sign.</summary>
    internal const int LimbCount = 7;

    private const int LimbBits = 62;
    private const long LimbMask = (1L << LimbBits) - 1;

    /// <summary>
    /// ⌈1101 / 62⌉ = 18 batches always suffice for inputs below 2³⁸¹ (Bernstein–Yang Theorem 11.2);
    /// the loop stops there instead of running forever on a broken invariant.
    /// </summary>
    private const int MaxBatches = 18;

    // p in signed 62-bit limbs. Static readonly scalars: the JIT folds them into constants.
    private static readonly long Modulus0 = (long)(FpConstants.P0 & LimbMask);
    private static readonly long Modulus1 = (long)((FpConstants.P0 >> 62) | (FpConstants.P1 << 2)) & LimbMask;
    private static readonly long Modulus2 = (long)((FpConstants.P1 >> 60) | (FpConstants.P2 << 4)) & LimbMask;
    private static readonly long Modulus3 = (long)((FpConstants.P2 >> 58) | (FpConstants.P3 << 6)) & LimbMask;
    private static readonly long Modulus4 = (long)((FpConstants.P3 >> 56) | (FpConstants.P4 << 8)) & LimbMask;
    private static readonly long Modulus5 = (long)((FpConstants.P4 >> 54) | (FpConstants.P5 << 10)) & LimbMask;
    private static readonly long Modulus6 = (long)(FpConstants.P5 >> 52);

    /// <summary>p⁻¹ mod 2⁶², from the Montgomery constant −p⁻¹ mod 2⁶⁴.</summary>
    private static readonly ulong ModulusInverse62 = unchecked(0UL - FpConstants.Inv) & LimbMask;

    /// <summary>R² mod p in signed 62-bit limbs: the starting value of e.</summary>
    private static readonly long[] MontgomeryR2 = Split(BigIntegerLimbs.ToLimbs(FpConstants.R2, 6));

    /// <summary>
    /// Returns the raw limbs R²·x⁻¹ mod p, where x (the raw limbs of <paramref name="value"/>) is
    /// in [1, p). For a Montgomery-form element aR that is a⁻¹R.
    /// </summary>
    public static Fp InvertMontgomery(in Fp value)
    {
        Span<long> f = stackalloc long[LimbCount];
        Span<long> g = stackalloc long[LimbCount];
        Span<long> d = stackalloc long[LimbCount];
        Span<long> e = stackalloc long[LimbCount];
        // The module skips zero-initialization of locals, so every limb is written here.
        WriteModulus(f);
        Split(value, g);
        d.Clear();
        MontgomeryR2.CopyTo(e);

        var eta = -1L;
        var length = LimbCount;
        for (var batch = 0; batch < MaxBatches; batch++)
        {
            eta = Divsteps62(eta, (ulong)f[0], (ulong)g[0], out var matrix);
            UpdateDe(d, e, matrix);
            UpdateFg(f[..length], g[..length], matrix);
            if (g[0] == 0 && IsZero(g[..length]))
            {
                // f = ±1 now (gcd(p, x) = 1 for canonical x ≠ 0); d·x ≡ f·R², so the inverse is f·d.
                Normalize(d, f[length - 1]);
                return Join(d);
            }

            length = ShrinkIfSignWords(f, g, length);
        }

        // Theorem 11.2 bounds every 6-limb input by fewer than MaxBatches·62 divsteps.
        throw new UnreachableException($"Divstep inversion did not converge within {MaxBatches} batches: an invariant is broken.");
    }

    private static bool IsZero(ReadOnlySpan<long> limbs)
    {
        var any = 0L;
        foreach (var limb in limbs)
        {
            any |= limb;
        }

        return any == 0;
    }

    /// <summary>
    /// Drops the top limb of f and g when both are 0 or −1 (a pure sign word), folding the sign
    /// into the limb below; later batches then touch one limb fewer.
    /// </summary>
    private static int ShrinkIfSignWords(Span<long> f, Span<long> g, int length)
    {
        if (length == 1)
        {
            return length;
        }

        var fTop = f[length - 1];
        var gTop = g[length - 1];
        if (((fTop ^ (fTop >> 63)) | (gTop ^ (gTop >> 63))) != 0)
        {
            return length;
        }

        f[length - 2] |= fTop << LimbBits;
        g[length - 2] |= gTop << LimbBits;
        return length - 1;
    }

    /// <summary>
    /// Replaces d ∈ (−2p, p) (limbs 0–5 in [0, 2⁶²)) by sign·d mod p in [0, p), sign = ±1 given
    /// by the sign of <paramref name="sign"/>; every limb ends in [0, 2⁶²).
    /// </summary>
    private static void Normalize(Span<long> d, long sign)
    {
        AddModulusIfNegative(d);
        var negate = sign >> 63;
        for (var i = 0; i < LimbCount; i++)
        {
            d[i] = (d[i] ^ negate) - negate;
        }

        Carry(d);
        AddModulusIfNegative(d);
        Carry(d);
    }

    /// <summary>Adds p limb by limb when d is negative; limbs stay within (−2⁶³, 2⁶³).</summary>
    private static void AddModulusIfNegative(Span<long> d)
    {
        var mask = d[LimbCount - 1] >> 63;
        d[0] += Modulus0 & mask;
        d[1] += Modulus1 & mask;
        d[2] += Modulus2 & mask;
        d[3] += Modulus3 & mask;
        d[4] += Modulus4 & mask;
        d[5] += Modulus5 & mask;
        d[6] += Modulus6 & mask;
    }

    /// <summary>Propagates carries so limbs 0–5 are in [0, 2⁶²) (arithmetic shifts keep the value).</summary>
    private static void Carry(Span<long> d)
    {
        for (var i = 0; i < LimbCount - 1; i++)
        {
            d[i + 1] += d[i] >> LimbBits;
            d[i] &= LimbMask;
        }
    }

    private static void WriteModulus(Span<long> f)
    {
        f[0] = Modulus0;
        f[1] = Modulus1;
        f[2] = Modulus2;
        f[3] = Modulus3;
        f[4] = Modulus4;
        f[5] = Modulus5;
        f[6] = Modulus6;
    }

    /// <summary>Splits six 64-bit limbs (a value below 2³⁸⁴) into seven 62-bit ones.</summary>
    private static void Split(in Fp value, Span<long> limbs)
    {
        limbs[0] = (long)value.L0 & LimbMask;
        limbs[1] = (long)((value.L0 >> 62) | (value.L1 << 2)) & LimbMask;
        limbs[2] = (long)((value.L1 >> 60) | (value.L2 << 4)) & LimbMask;
        limbs[3] = (long)((value.L2 >> 58) | (value.L3 << 6)) & LimbMask;
        limbs[4] = (long)((value.L3 >> 56) | (value.L4 << 8)) & LimbMask;
        limbs[5] = (long)((value.L4 >> 54) | (value.L5 << 10)) & LimbMask;
        limbs[6] = (long)(value.L5 >> 52);
    }

    private static long[] Split(ulong[] limbs)
    {
        var result = new long[LimbCount];
        Split(new Fp(limbs[0], limbs[1], limbs[2], limbs[3], limbs[4], limbs[5]), result);
        return result;
    }

    /// <summary>Joins seven normalized 62-bit limbs of a value below 2³⁸⁴ into six 64-bit ones.</summary>
    private static Fp Join(ReadOnlySpan<long> limbs)
    {
        var l0 = (ulong)limbs[0] | ((ulong)limbs[1] << 62);
        var l1 = ((ulong)limbs[1] >> 2) | ((ulong)limbs[2] << 60);
        var l2 = ((ulong)limbs[2] >> 4) | ((ulong)limbs[3] << 58);
        var l3 = ((ulong)limbs[3] >> 6) | ((ulong)limbs[4] << 56);
        var l4 = ((ulong)limbs[4] >> 8) | ((ulong)limbs[5] << 54);
        var l5 = ((ulong)limbs[5] >> 10) | ((ulong)limbs[6] << 52);
        return new Fp(l0, l1, l2, l3, l4, l5);
    }
}
