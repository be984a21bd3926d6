using System.Runtime.CompilerServices;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.Curves;

/// <summary>
/// A point of E(F_p): y² = x³ + 4, the curve of G1, in homogeneous projective coordinates
/// (X : Y : Z) with x = X/Z, y = Y/Z; the identity is (0 : 1 : 0). Addition and doubling use the
/// complete, branch-free formulas of <see cref="ProjectiveFormulas{T}"/>.
/// </summary>
internal readonly partial struct G1Projective : IProjectivePoint<G1Projective>
{
    public readonly Fp X;
    public readonly Fp Y;
    public readonly Fp Z;

    /// <summary>Creates (X : Y : Z) without any check.</summary>
    public G1Projective(in Fp x, in Fp y, in Fp z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    /// <summary>The point at infinity (0 : 1 : 0).</summary>
    public static G1Projective Identity => new(Fp.Zero, Fp.One, Fp.Zero);

    /// <summary>The standard generator of G1.</summary>
    public static G1Projective Generator => FromAffine(CurveConstants.G1Generator);

    /// <summary>True for the point at infinity.</summary>
    public bool IsIdentity => Z.IsZero;

    /// <summary>True when the point satisfies the curve equation (the identity does).</summary>
    public bool IsOnCurve => ProjectiveFormulas<Fp>.IsOnCurve(X, Y, Z);

    /// <summary>Lifts an affine point (Z = 1, or the identity).</summary>
    public static G1Projective FromAffine(in G1Affine p) =>
        ConditionalSelect(new G1Projective(p.X, p.Y, Fp.One), Identity, p.IsIdentity);

    /// <summary>
    /// The affine form (x, y) = (X/Z, Y/Z); one field inversion, randomly blinded
    /// (<see cref="Fp.InverseBlinded"/>) so that its running time does not depend on Z: for points
    /// derived from secrets (Sign, PopProve, SkToPk).
    /// </summary>
    public G1Affine ToAffine() => AffineGiven(Z.InverseBlinded());

    /// <summary>The affine form through a variable-time inversion: public points only (verification).</summary>
    public G1Affine ToAffineVariableTime() => AffineGiven(Z.InverseVariableTime());

    private G1Affine AffineGiven(in Fp zInv) =>
        G1Affine.ConditionalSelect(new G1Affine(X * zInv, Y * zInv), G1Affine.Identity, IsIdentity);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static G1Projective operator +(in G1Projective a, in G1Projective b)
    {
        ProjectiveFormulas<Fp>.Add(a.X, a.Y, a.Z, b.X, b.Y, b.Z, out var x, out var y, out var z);
        return new G1Projective(x, y, z);
    }

    /// <summary>Mixed addition with an affine point (branch-free, including when <paramref name="b"/> is the identity).</summary>
    public static G1Projective operator +(in G1Projective a, in G1Affine b)
    {
        ProjectiveFormulas<Fp>.AddAffine(a.X, a.Y, a.Z, b.X, b.Y, out var x, out var y, out var z);
        return ConditionalSelect(new G1Projective(x, y, z), a, b.IsIdentity);
    }

    public static G1Projective operator -(in G1Projective a, in G1Projective b) => a + -b;

    public static G1Projective operator -(in G1Projective a) => new(a.X, -a.Y, a.Z);

    /// <summary>2P.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public G1Projective Double()
    {
        ProjectiveFormulas<Fp>.Double(X, Y, Z, out var x, out var y, out var z);
        return new G1Projective(x, y, z);
    }

    public static G1Projective ConditionalSelect(in G1Projective a, in G1Projective b, bool choice) => new(
        Fp.ConditionalSelect(a.X, b.X, choice),
        Fp.ConditionalSelect(a.Y, b.Y, choice),
        Fp.ConditionalSelect(a.Z, b.Z, choice));

    /// <summary>[k]P in constant time (secret scalars); k is big-endian, any length.</summary>
    public G1Projective Multiply(ReadOnlySpan<byte> scalarBigEndian) =>
        ScalarMultiplication.MultiplyConstantTime(this, scalarBigEndian);

    /// <summary>[k]P for a public scalar (variable time).</summary>
    public G1Projective MultiplyVariableTime(ReadOnlySpan<byte> scalarBigEndian) =>
        ScalarMultiplication.MultiplyVariableTime(this, scalarBigEndian);

    /// <summary>[k]P for a public 64-bit scalar (variable time).</summary>
    public G1Projective MultiplyVariableTime(ulong scalar) =>
        ScalarMultiplication.MultiplyVariableTime(this, scalar);

    public static bool operator ==(in G1Projective a, in G1Projective b) =>
        ProjectiveFormulas<Fp>.AreEqual(a.X, a.Y, a.Z, b.X, b.Y, b.Z);

    public static bool operator !=(in G1Projective a, in G1Projective b) => !(a == b);

    public bool Equals(G1Projective other) => this == other;

    public override bool Equals(object? obj) => obj is G1Projective other && this == other;

    public override int GetHashCode() => ToAffine().GetHashCode();

    public override string ToString() => ToAffine().ToString();
}
