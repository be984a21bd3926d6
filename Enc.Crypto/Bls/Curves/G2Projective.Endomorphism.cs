using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.Curves;

/// <content>The ψ endomorphism, multiplication by the curve parameter x and the subgroup check.</content>
internal readonly partial struct G2Projective
{
    /// <summary>
    /// ψ = untwist ∘ Frobenius ∘ twist: (x, y) ↦ (x̄·cₓ, ȳ·c_y) with cₓ = 1/ξ^((p−1)/3),
    /// c_y = 1/ξ^((p−1)/2). On G2 it equals multiplication by p ≡ x (mod r).
    /// </summary>
    public G2Projective Psi() => new(
        X.Conjugate() * CurveConstants.PsiCoefficientX,
        Y.Conjugate() * CurveConstants.PsiCoefficientY,
        Z.Conjugate());

    /// <summary>ψ²(P) = ψ(ψ(P)).</summary>
    public G2Projective Psi2() => Psi().Psi();

    /// <summary>
    /// [x]P for the BLS parameter x = −0xd201000000010000, through Jacobian coordinates (cheaper
    /// doublings). Variable time (the additions branch on exceptional cases): public points only.
    /// </summary>
    public G2Projective MulByX()
    {
        JacobianPoint<Fp2>.MultiplyByAbsX(X, Y, Z, out var x, out var y, out var z);
        return new G2Projective(x, -y, z);
    }

    /// <summary>
    /// [k]P in constant time for a point P of G2 and a big-endian scalar of at most 32 bytes, by the
    /// four-dimensional ψ decomposition of <see cref="G2ScalarMultiplication"/> (about twice as fast as
    /// <see cref="Multiply"/>). The result is wrong for points outside G2: callers pass subgroup points only.
    /// </summary>
    public G2Projective MultiplyInSubgroup(ReadOnlySpan<byte> scalarBigEndian) =>
        G2ScalarMultiplication.MultiplyConstantTime(this, scalarBigEndian);

    /// <summary>
    /// Subgroup membership test of Scott ("A note on group membership tests for G1, G2 and GT on
    /// BLS pairing-friendly curves", 2021): a point of E'(F_p²) lies in G2 iff ψ(P) = [x]P.
    /// Assumes the point is on the curve.
    /// </summary>
    public bool IsInSubgroup => Psi() == MulByX();

    /// <summary>
    /// The test of <see cref="IsInSubgroup"/> for an affine point Q on the curve, given
    /// <paramref name="absXMultiple"/> = [|x|]·Q from a Miller loop's running point (x is negative,
    /// so [x]Q is its negation). A running point with all coordinates zero (an exceptional addition in
    /// the loop, which only happens when Q lies outside G2) is not a point and fails the test.
    /// </summary>
    public static bool IsInSubgroupGiven(in G2Affine q, in G2Projective absXMultiple)
    {
        if (absXMultiple.X.IsZero & absXMultiple.Y.IsZero & absXMultiple.Z.IsZero)
        {
            return false;
        }

        return FromAffine(q).Psi() == -absXMultiple;
    }
}
