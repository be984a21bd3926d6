using System.Runtime.CompilerServices;

namespace Enc.Crypto.Bls.Fields;

/// <summary>
/// An element c0 + c1·v + c2·v² of F_p⁶ = F_p²[v]/(v³ − ξ), ξ = u + 1. Branch-free and
/// allocation-free.
/// </summary>
internal readonly partial struct Fp6 : IField<Fp6>
{
    public readonly Fp2 C0;
    public readonly Fp2 C1;
    public readonly Fp2 C2;

    /// <summary>Creates c0 + c1·v + c2·v².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp6(in Fp2 c0, in Fp2 c1, in Fp2 c2)
    {
        C0 = c0;
        C1 = c1;
        C2 = c2;
    }

    public static Fp6 Zero => default;

    public static Fp6 One => new(Fp2.One, Fp2.Zero, Fp2.Zero);

    public bool IsZero => C0.IsZero & C1.IsZero & C2.IsZero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 operator +(in Fp6 a, in Fp6 b) => new(a.C0 + b.C0, a.C1 + b.C1, a.C2 + b.C2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 operator -(in Fp6 a, in Fp6 b) => new(a.C0 - b.C0, a.C1 - b.C1, a.C2 - b.C2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 operator -(in Fp6 a) => new(-a.C0, -a.C1, -a.C2);

    /// <summary>Karatsuba-style product: six F_p² multiplications.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Fp6 operator *(in Fp6 a, in Fp6 b)
    {
        var aa = a.C0 * b.C0;
        var bb = a.C1 * b.C1;
        var cc = a.C2 * b.C2;
        var c0 = ((a.C1 + a.C2) * (b.C1 + b.C2) - bb - cc).MulByNonResidue() + aa;
        var c1 = (a.C0 + a.C1) * (b.C0 + b.C1) - aa - bb + cc.MulByNonResidue();
        var c2 = (a.C0 + a.C2) * (b.C0 + b.C2) - aa - cc + bb;
        return new Fp6(c0, c1, c2);
    }

    /// <summary>Chung–Hasan squaring (CH-SQR2): two multiplications and three squarings in F_p².</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Fp6 Square()
    {
        var s0 = C0.Square();
        var ab = C0 * C1;
        var s1 = ab.Double();
        var s2 = (C0 - C1 + C2).Square();
        var bc = C1 * C2;
        var s3 = bc.Double();
        var s4 = C2.Square();
        return new Fp6(s3.MulByNonResidue() + s0, s4.MulByNonResidue() + s1, s1 + s2 + s3 - s0 - s4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp6 Double() => new(C0.Double(), C1.Double(), C2.Double());

    /// <summary>Multiplies by v: (c0 + c1v + c2v²)·v = ξc2 + c0v + c1v².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp6 MulByNonResidue() => new(C2.MulByNonResidue(), C0, C1);

    /// <summary>Multiplies by the sparse element b0 + b1·v (five F_p² multiplications).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Fp6 MulBy01(in Fp2 b0, in Fp2 b1)
    {
        var aa = C0 * b0;
        var bb = C1 * b1;
        var c0 = (C2 * b1).MulByNonResidue() + aa;
        var c1 = (C0 + C1) * (b0 + b1) - aa - bb;
        var c2 = C2 * b0 + bb;
        return new Fp6(c0, c1, c2);
    }

    /// <summary>Multiplies by the sparse element b1·v (three F_p² multiplications).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Fp6 MulBy1(in Fp2 b1) => new((C2 * b1).MulByNonResidue(), C0 * b1, C1 * b1);

    /// <summary>Multiplies every coefficient by an F_p² element.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Fp6 MulByFp2(in Fp2 k) => new(C0 * k, C1 * k, C2 * k);

    /// <summary>The p-power Frobenius map.</summary>
    public Fp6 FrobeniusMap() => new(
        C0.Conjugate(),
        C1.Conjugate() * FrobeniusCoefficients.Fp6C1,
        C2.Conjugate() * FrobeniusCoefficients.Fp6C2);

    /// <summary>The inverse (zero maps to zero); one F_p inversion.</summary>
    public Fp6 Inverse() => Invert(variableTime: false);

    /// <summary>The inverse through <see cref="Fp.InverseVariableTime"/>: public values only.</summary>
    public Fp6 InverseVariableTime() => Invert(variableTime: true);

    private Fp6 Invert(bool variableTime)
    {
        var c0 = C0.Square() - (C1 * C2).MulByNonResidue();
        var c1 = C2.Square().MulByNonResidue() - C0 * C1;
        var c2 = C1.Square() - C0 * C2;
        var norm = (C2 * c1 + C1 * c2).MulByNonResidue() + C0 * c0;
        var t = variableTime ? norm.InverseVariableTime() : norm.Inverse();
        return new Fp6(c0 * t, c1 * t, c2 * t);
    }

    public static Fp6 ConditionalSelect(in Fp6 a, in Fp6 b, bool choice) => new(
        Fp2.ConditionalSelect(a.C0, b.C0, choice),
        Fp2.ConditionalSelect(a.C1, b.C1, choice),
        Fp2.ConditionalSelect(a.C2, b.C2, choice));

    public static bool operator ==(in Fp6 a, in Fp6 b) => (a.C0 == b.C0) & (a.C1 == b.C1) & (a.C2 == b.C2);

    public static bool operator !=(in Fp6 a, in Fp6 b) => !(a == b);

    public bool Equals(Fp6 other) => this == other;

    public override bool Equals(object? obj) => obj is Fp6 other && this == other;

    public override int GetHashCode() => HashCode.Combine(C0, C1, C2);

    public override string ToString() => $"({C0}) + ({C1})*v + ({C2})*v^2";
}
