using System.Runtime.CompilerServices;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.Curves;

/// <summary>
/// A point of E'(F_p²): y² = x³ + 4(u + 1), the curve of G2, in homogeneous projective coordinates
/// (X : Y : Z) with x = X/Z, y = Y/Z; the identity is (0 : 1 : 0). Addition and doubling use the
/// complete, branch-free formulas of <see cref="ProjectiveFormulas{T}"/>.
/// </summary>
internal readonly partial struct G2Projective : IProjectivePoint<G2Projective>
{
    public readonly Fp2 X;
    public readonly Fp2 Y;
    public readonly Fp2 Z;

    /// <summary>Creates (X : Y : Z) without any check.</summary>
    public G2Projective(in Fp2 x, in Fp2 y, in Fp2 z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    /// <summary>The point at infinity (0 : 1 : 0).</summary>
    public static G2Projective Identity => new(Fp2.Zero, Fp2.One, Fp2.Zero);

    /// <summary>The standard generator of G2.</summary>
    public static G2Projective Generator => FromAffine(CurveConstants.G2Generator);

    /// <summary>True for the point at infinity.</summary>
    public bool IsIdentity => Z.IsZero;

    /// <summary>True when the point satisfies the curve equation (the identity does).</summary>
    public bool IsOnCurve => ProjectiveFormulas<Fp2>.IsOnCurve(X, Y, Z);

    /// <summary>Lifts an affine point (Z = 1, or the identity).</summary>
    public static G2Projective FromAffine(in G2Affine p) =>
        ConditionalSelect(new G2Projective(p.X, p.Y, Fp2.One), Identity, p.IsIdentity);

    /// <summary>
    /// The affine form (x, y) = (X/Z, Y/Z); one field inversion, randomly blinded
    /// (<see cref="Fp.InverseBlinded"/>) so that its running time does not depend on Z: for points
    /// derived from secrets (Sign, PopProve, SkToPk).
    /// </summary>
    public G2Affine ToAffine() => AffineGiven(Z.InverseBlinded());

    /// <summary>The affine form through a variable-time inversion: public points only (hash outputs, verification).</summary>
    public G2Affine ToAffineVariableTime() => AffineGiven(Z.InverseVariableTime());

    private G2Affine AffineGiven(in Fp2 zInv) =>
        G2Affine.ConditionalSelect(new G2Affine(X * zInv, Y * zInv), G2Affine.Identity, IsIdentity);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static G2Projective operator +(in G2Projective a, in G2Projective b)
    {
        ProjectiveFormulas<Fp2>.Add(a.X, a.Y, a.Z, b.X, b.Y, b.Z, out var x, out var y, out var z);
        return new G2Projective(x, y, z);
    }

    /// <summary>Mixed addition with an affine point (branch-free, including when <paramref name="b"/> is the identity).</summary>
    public static G2Projective operator +(in G2Projective a, in G2Affine b)
    {
        ProjectiveFormulas<Fp2>.AddAffine(a.X, a.Y, a.Z, b.X, b.Y, out var x, out var y, out var z);
        return ConditionalSelect(new G2Projective(x, y, z), a, b.IsIdentity);
    }

    public static G2Projective operator -(in G2Projective a, in G2Projective b) => a + -b;

    public static G2Projective operator -(in G2Projective a) => new(a.X, -a.Y, a.Z);

    /// <summary>2P.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public G2Projective Double()
    {
        ProjectiveFormulas<Fp2>.Double(X, Y, Z, out var x, out var y, out var z);
        return new G2Projective(x, y, z);
    }

    public static G2Projective ConditionalSelect(in G2Projective a, in G2Projective b, bool choice) => new(
        Fp2.ConditionalSelect(a.X, b.X, choice),
        Fp2.ConditionalSelect(a.Y, b.Y, choice),
        Fp2.ConditionalSelect(a.Z, b.Z, choice));

    /// <summary>[k]P in constant time (secret scalars); k is big-endian, any length.</summary>
    public G2Projective Multiply(ReadOnlySpan<byte> scalarBigEndian) =>
        ScalarMultiplication.MultiplyConstantTime(this, scalarBigEndian);

    /// <summary>[k]P for a public scalar (variable time).</summary>
    public G2Projective MultiplyVariableTime(ReadOnlySpan<byte> scalarBigEndian) =>
        ScalarMultiplication.MultiplyVariableTime(this, scalarBigEndian);

    /// <summary>[k]P for a public 64-bit scalar (variable time).</summary>
    public G2Projective MultiplyVariableTime(ulong scalar) =>
        ScalarMultiplication.MultiplyVariableTime(this, scalar);

    public static bool operator ==(in G2Projective a, in G2Projective b) =>
        ProjectiveFormulas<Fp2>.AreEqual(a.X, a.Y, a.Z, b.X, b.Y, b.Z);

    public static bool operator !=(in G2Projective a, in G2Projective b) => !(a == b);

    public bool Equals(G2Projective other) => this == other;

    public override bool Equals(object? obj) => obj is G2Projective other && this == other;

    public override int GetHashCode() => ToAffine().GetHashCode();

    public override string ToString() => ToAffine().ToString();
}
