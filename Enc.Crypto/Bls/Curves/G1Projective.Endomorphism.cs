using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.Curves;

/// <content>The φ endomorphism, multiplication by the curve parameter x and the subgroup check.</content>
internal readonly partial struct G1Projective
{
    /// <summary>φ(x, y) = (βx, y) with β a cube root of unity; on G1 it is multiplication by −x² mod r.</summary>
    public G1Projective Phi() => new(X * CurveConstants.Beta, Y, Z);

    /// <summary>
    /// [x]P for the BLS parameter x = −0xd201000000010000, through Jacobian coordinates (cheaper
    /// doublings). Variable time (the additions branch on exceptional cases): public points only.
    /// </summary>
    public G1Projective MulByX()
    {
        JacobianPoint<Fp>.MultiplyByAbsX(X, Y, Z, out var x, out var y, out var z);
        return new G1Projective(x, -y, z);
    }

    /// <summary>
    /// Subgroup membership test of Bowe / Scott (eprint 2019/814, 2021/1130, proof 2022/352):
    /// a point of E(F_p) lies in G1 iff φ(P) = −[x²]P. Assumes the point is on the curve.
    /// </summary>
    public bool IsInSubgroup => Phi() == -MulByX().MulByX();
}
