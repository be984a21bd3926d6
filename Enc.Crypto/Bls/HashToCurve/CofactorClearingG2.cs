using Enc.Crypto.Bls.Curves;

namespace Enc.Crypto.Bls.HashToCurve;

/// <summary>
/// <c>clear_cofactor</c> for G2 (RFC 9380 Appendix G.3): multiplication by h_eff computed with
/// the Budroni–Pintore decomposition h_eff·P = [x² − x − 1]P + [x − 1]ψ(P) + ψ²(2P), where
/// x = −0xd201000000010000 is the BLS parameter.
/// </summary>
/// <remarks>
/// Operates on public points (hash outputs). The two multiplications by x run in Jacobian
/// coordinates (<see cref="G2Projective.MulByX"/>), where their 126 doublings are cheapest.
/// </remarks>
internal static class CofactorClearingG2
{
    /// <summary>Returns h_eff·<paramref name="p"/>, a point of the prime-order subgroup G2.</summary>
    public static G2Projective Clear(in G2Projective p)
    {
        var t1 = MulByX(p);                        // t1 = x·P
        var t2 = p.Psi();                          // t2 = ψ(P)
        var t3 = p.Double().Psi2();                // t3 = ψ²(2P)
        t3 -= t2;                                  // t3 = ψ²(2P) − ψ(P)
        t2 = MulByX(t1 + t2);                      // t2 = x·(x·P + ψ(P)) = x²P + xψ(P)
        t3 += t2;
        t3 -= t1;
        return t3 - p;                             // (x² − x − 1)P + (x − 1)ψ(P) + ψ²(2P)
    }

    private static G2Projective MulByX(in G2Projective p) => p.MulByX();
}
