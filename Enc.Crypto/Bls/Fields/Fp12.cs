using System.Runtime.CompilerServices;

namespace Enc.Crypto.Bls.Fields;

/// <summary>
/// An element c0 + c1·w of F_p¹² = F_p⁶[w]/(w² − v), the target field of the pairing.
/// Branch-free and allocation-free.
/// </summary>
internal readonly partial struct Fp12 : IField<Fp12>
{
    public readonly Fp6 C0;
    public readonly Fp6 C1;

    /// <summary>Creates c0 + c1·w.</summary>
    public Fp12(in Fp6 c0, in Fp6 c1)
    {
        C0 = c0;
        C1 = c1;
    }

    public static Fp12 Zero => default;

    public static Fp12 One => new(Fp6.One, Fp6.Zero);

    public bool IsZero => C0.IsZero & C1.IsZero;

    /// <summary>True for the multiplicative identity (the neutral element of GT).</summary>
    public bool IsOne => this == One;

    public static Fp12 operator +(in Fp12 a, in Fp12 b) => new(a.C0 + b.C0, a.C1 + b.C1);

    public static Fp12 operator -(in Fp12 a, in Fp12 b) => new(a.C0 - b.C0, a.C1 - b.C1);

    public static Fp12 operator -(in Fp12 a) => new(-a.C0, -a.C1);

    /// <summary>Karatsuba product: three F_p⁶ multiplications.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Fp12 operator *(in Fp12 a, in Fp12 b)
    {
        var aa = a.C0 * b.C0;
        var bb = a.C1 * b.C1;
        var c1 = (a.C0 + a.C1) * (b.C0 + b.C1) - aa - bb;
        return new Fp12(bb.MulByNonResidue() + aa, c1);
    }

    /// <summary>Complex squaring: two F_p⁶ multiplications.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Fp12 Square()
    {
        var ab = C0 * C1;
        var c0 = (C0 + C1) * (C0 + C1.MulByNonResidue()) - ab - ab.MulByNonResidue();
        return new Fp12(c0, ab.Double());
    }

    public Fp12 Double() => new(C0.Double(), C1.Double());

    /// <summary>
    /// Multiplies by the sparse line value c0 + c1·v + c4·v·w (coefficients 0, 1 and 4 of the
    /// six F_p² slots), the shape of a Miller-loop line on the M-type twist.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Fp12 MulBy014(in Fp2 c0, in Fp2 c1, in Fp2 c4)
    {
        var aa = C0.MulBy01(c0, c1);
        var bb = C1.MulBy1(c4);
        var sum = (C1 + C0).MulBy01(c0, c1 + c4) - aa - bb;
        return new Fp12(bb.MulByNonResidue() + aa, sum);
    }

    /// <summary>The conjugate c0 − c1·w = this^(p⁶); the inverse for elements of the cyclotomic subgroup.</summary>
    public Fp12 Conjugate() => new(C0, -C1);

    /// <summary>The p-power Frobenius map.</summary>
    public Fp12 FrobeniusMap() => new(C0.FrobeniusMap(), C1.FrobeniusMap().MulByFp2(FrobeniusCoefficients.Fp12C1));

    /// <summary>The inverse (zero maps to zero); one F_p inversion.</summary>
    public Fp12 Inverse() => InverseGiven((C0.Square() - C1.Square().MulByNonResidue()).Inverse());

    /// <summary>The inverse through <see cref="Fp.InverseVariableTime"/>: public values only (pairings).</summary>
    public Fp12 InverseVariableTime() => InverseGiven((C0.Square() - C1.Square().MulByNonResidue()).InverseVariableTime());

    private Fp12 InverseGiven(in Fp6 inverseNorm) => new(C0 * inverseNorm, -(C1 * inverseNorm));

    public static Fp12 ConditionalSelect(in Fp12 a, in Fp12 b, bool choice) =>
        new(Fp6.ConditionalSelect(a.C0, b.C0, choice), Fp6.ConditionalSelect(a.C1, b.C1, choice));

    /// <summary>this^e for a public exponent (little-endian limbs).</summary>
    public Fp12 Pow(ReadOnlySpan<ulong> exponent) => FieldExponentiation.Pow(this, exponent);

    public static bool operator ==(in Fp12 a, in Fp12 b) => (a.C0 == b.C0) & (a.C1 == b.C1);

    public static bool operator !=(in Fp12 a, in Fp12 b) => !(a == b);

    public bool Equals(Fp12 other) => this == other;

    public override bool Equals(object? obj) => obj is Fp12 other && this == other;

    public override int GetHashCode() => HashCode.Combine(C0, C1);

    public override string ToString() => $"({C0}) + ({C1})*w";
}
