using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.HashToCurve;

/// <summary>
/// The simplified Shallue–van de Woestijne–Ulas map (RFC 9380 §6.6.2) from F_p² to the curve
/// E2': y² = x³ + A'·x + B', which is 3-isogenous to the G2 twist (A'·B' ≠ 0, unlike E2 itself).
/// </summary>
/// <remarks>
/// Inputs are hash outputs, i.e. public, so the exceptional-case test and the choice between
/// x1 and x2 may branch. The square test uses the norm: a ∈ F_p² is a square iff
/// N(a) = c0² + c1² is a square in F_p.
/// </remarks>
internal static class SimplifiedSwuG2
{
    /// <summary>Maps <paramref name="u"/> to an affine point (x, y) of E2'.</summary>
    public static void Map(in Fp2 u, out Fp2 x, out Fp2 y)
    {
        var tv1 = IsogenyG2Constants.Z * u.Square();
        var tv2 = tv1.Square();
        var denominator = tv1 + tv2;

        // x1 = (−B/A)·(1 + 1/(Z²u⁴ + Zu²)), or B/(Z·A) when that denominator vanishes.
        var x1 = denominator.IsZero
            ? IsogenyG2Constants.BOverZA
            : IsogenyG2Constants.MinusBOverA * (Fp2.One + denominator.Inverse());
        var gx1 = Curve(x1);

        if (IsSquare(gx1))
        {
            x = x1;
            y = SquareRoot(gx1);
        }
        else
        {
            // x2 = Z·u²·x1 and g(x2) = (Z·u²)³·g(x1), which is then a square.
            x = tv1 * x1;
            y = SquareRoot(gx1 * tv1 * tv2);
        }

        if (u.Sgn0() != y.Sgn0())
        {
            y = -y;
        }
    }

    private static Fp2 Curve(in Fp2 x) => ((x.Square() + IsogenyG2Constants.A) * x) + IsogenyG2Constants.B;

    private static bool IsSquare(in Fp2 a) => (a.C0.Square() + a.C1.Square()).IsSquare();

    private static Fp2 SquareRoot(in Fp2 a) =>
        a.TrySqrt(out var root) ? root : throw new InvalidOperationException("SWU produced a non-square; the map constants are wrong.");
}
