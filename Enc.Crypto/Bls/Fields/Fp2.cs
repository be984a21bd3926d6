using System.Runtime.CompilerServices;

namespace Enc.Crypto.Bls.Fields;

/// <summary>
/// An element c0 + c1·u of F_p² = F_p[u]/(u² + 1), the field of the G2 coordinates.
/// All arithmetic is branch-free and allocation-free.
/// </summary>
internal readonly partial struct Fp2 : ICurveField<Fp2>
{
    /// <summary>The coefficient of 1.</summary>
    public readonly Fp C0;

    /// <summary>The coefficient of u.</summary>
    public readonly Fp C1;

    /// <summary>Creates c0 + c1·u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp2(in Fp c0, in Fp c1)
    {
        C0 = c0;
        C1 = c1;
    }

    /// <summary>The additive identity.</summary>
    public static Fp2 Zero => default;

    /// <summary>The multiplicative identity.</summary>
    public static Fp2 One => new(Fp.One, Fp.Zero);

    /// <summary>True when both coefficients are zero.</summary>
    public bool IsZero => C0.IsZero & C1.IsZero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 operator +(in Fp2 a, in Fp2 b) =>
        VectorArithmeticSupported ? AddVector(a, b) : new(a.C0 + b.C0, a.C1 + b.C1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 operator -(in Fp2 a, in Fp2 b) =>
        VectorArithmeticSupported ? SubtractVector(a, b) : new(a.C0 - b.C0, a.C1 - b.C1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 operator -(in Fp2 a) => new(-a.C0, -a.C1);

    /// <summary>
    /// (a0 + a1u)(b0 + b1u) = (a0b0 − a1b1) + (a0b1 + a1b0)u, each coefficient one
    /// <see cref="Fp.SumOfProducts"/> (two product rows, one interleaved Montgomery reduction):
    /// four F_p products and two reductions, with a0b0 − a1b1 taken as a0b0 + (−a1)b1.
    /// </summary>
    /// <remarks>
    /// Measured faster here than Karatsuba with lazy double-width reduction (three 768-bit
    /// products, two reductions): see docs/benchmarks.md, "BLS (session 3)".
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Fp2 operator *(in Fp2 a, in Fp2 b) =>
        new(Fp.SumOfProducts(a.C0, b.C0, -a.C1, b.C1), Fp.SumOfProducts(a.C0, b.C1, a.C1, b.C0));

    /// <summary>
    /// (c0 + c1u)² = (c0 + c1)(c0 − c1) + (2c0)·c1·u: two F_p multiplications. The sums c0 + c1 and
    /// 2c0 stay unreduced (below 2p, which the Montgomery product accepts: <see cref="Fp.AddUnreduced"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Fp2 Square() =>
        new(Fp.AddUnreduced(C0, C1) * (C0 - C1), Fp.AddUnreduced(C0, C0) * C1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp2 Double() => VectorArithmeticSupported ? AddVector(this, this) : new(C0.Double(), C1.Double());

    /// <summary>Multiplies both coefficients by an F_p element.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp2 MulByFp(in Fp k) => new(C0 * k, C1 * k);

    /// <summary>Multiplies by the sextic non-residue ξ = u + 1: (c0 − c1) + (c0 + c1)u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp2 MulByNonResidue() => new(C0 - C1, C0 + C1);

    /// <summary>The conjugate c0 − c1·u, which is also the p-power Frobenius map.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp2 Conjugate() => new(C0, -C1);

    /// <summary>The Frobenius map x ↦ x^p (conjugation).</summary>
    public Fp2 FrobeniusMap() => Conjugate();

    /// <summary>The norm c0² + c1² in F_p.</summary>
    public Fp Norm() => C0.Square() + C1.Square();

    /// <summary>The inverse (c0 − c1u)/(c0² + c1²); zero maps to zero. Constant time.</summary>
    public Fp2 Inverse() => InverseGiven(Norm().Inverse());

    /// <summary>The inverse through <see cref="Fp.InverseBlinded"/> of the norm: running time independent of the value (secret-derived values).</summary>
    public Fp2 InverseBlinded() => InverseGiven(Norm().InverseBlinded());

    /// <summary>The inverse through <see cref="Fp.InverseVariableTime"/>: public values only.</summary>
    public Fp2 InverseVariableTime() => InverseGiven(Norm().InverseVariableTime());

    private Fp2 InverseGiven(in Fp inverseNorm) => new(C0 * inverseNorm, -(C1 * inverseNorm));

    /// <summary>Times 3·b = 12(u + 1), for the G2 curve y² = x³ + 4(u + 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp2 MulByCurveB3()
    {
        var t = MulByNonResidue();
        var t4 = t.Double().Double();
        return t4 + t4 + t4;
    }

    /// <summary>Times b = 4(u + 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp2 MulByCurveB() => MulByNonResidue().Double().Double();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 ConditionalSelect(in Fp2 a, in Fp2 b, bool choice) =>
        new(Fp.ConditionalSelect(a.C0, b.C0, choice), Fp.ConditionalSelect(a.C1, b.C1, choice));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator ==(in Fp2 a, in Fp2 b) => (a.C0 == b.C0) & (a.C1 == b.C1);

    public static bool operator !=(in Fp2 a, in Fp2 b) => !(a == b);

    public bool Equals(Fp2 other) => this == other;

    public override bool Equals(object? obj) => obj is Fp2 other && this == other;

    public override int GetHashCode() => HashCode.Combine(C0, C1);

    public override string ToString() => $"{C0} + {C1}*u";
}
