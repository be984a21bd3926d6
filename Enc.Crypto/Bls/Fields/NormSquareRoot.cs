namespace Enc.Crypto.Bls.Fields;

/// <summary>
/// Square roots in F_p² = F_p(i), i² = −1, from a square root γ of the norm N(a) = a0² + a1²
/// ("complex method"), costing one F_p exponentiation and no inversion once γ is known.
/// </summary>
/// <remarks>
/// <para>With δ = (a0 + γ)/2 and t = δ^((p−3)/4), δ·t² = χ(δ) is δ's Legendre symbol:</para>
/// <para>χ(δ) = 1: x0 = δ·t is √δ and 1/x0 = t, so √a = x0 + (a1·t/2)·i.</para>
/// <para>χ(δ) = −1: then −δ is a square (−1 is not, as p ≡ 3 mod 4) with root s = −δ·t (because
/// (p−3)/4 is even, p ≡ 3 mod 8), 1/δ = −t², and √a = −s·a1·t²/2 − s·i.</para>
/// <para>Branches on χ(δ): for public inputs (hash-to-curve) only.</para>
/// </remarks>
internal static class NormSquareRoot
{
    private static readonly Fp Half = Fp.FromUInt64(2).Inverse();

    /// <summary>
    /// Returns a square root of <paramref name="a"/>, given <paramref name="normRoot"/> with
    /// normRoot² = N(a) (either sign). Returns false when no root exists (N(a) a non-square is the caller's check).
    /// </summary>
    public static bool TrySqrt(in Fp2 a, in Fp normRoot, out Fp2 root)
    {
        if (a.C1.IsZero)
        {
            // a is in F_p: its root is real when a0 is a square, else purely imaginary (√(−a0)·i).
            if (a.C0.TrySqrt(out var real))
            {
                root = new Fp2(real, Fp.Zero);
                return true;
            }

            bool ok = (-a.C0).TrySqrt(out var imaginary);
            root = new Fp2(Fp.Zero, imaginary);
            return ok;
        }

        // a1 ≠ 0 implies δ ≠ 0, since δ·(a0 − γ)/2 = −a1²/4.
        var delta = (a.C0 + normRoot) * Half;
        var t = delta.Pow(FpConstants.PMinus3Over4);
        var tSquared = t.Square();
        if (delta * tSquared == Fp.One)
        {
            root = new Fp2(delta * t, a.C1 * t * Half);
        }
        else
        {
            var s = -(delta * t);
            root = new Fp2(-(s * a.C1 * tSquared * Half), -s);
        }

        return root.Square() == a;
    }
}
