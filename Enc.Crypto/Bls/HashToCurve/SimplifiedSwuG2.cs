using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.HashToCurve;

/// <summary>
/// The simplified Shallue–van de Woestijne–Ulas map (RFC 9380 §6.6.2) from F_p² to the curve
/// E2': y² = x³ + A'·x + B', which is 3-isogenous to the G2 twist (A'·B' ≠ 0, unlike E2 itself).
/// </summary>
/// <remarks>
/// <para>Cost: one inversion and two F_p exponentiations. a ∈ F_p² is a square iff its norm
/// N(a) = a0² + a1² is a square in F_p, so one exponentiation N(g(x1))^((p+1)/4) both decides
/// between x1 and x2 and yields the norm root the square root needs (<see cref="NormSquareRoot"/>).
/// When g(x1) is not a square, g(x2) = (Z·u²)³·g(x1) has norm N(Z·u²)³·N(g(x1)) with
/// N(Z) = 5, so its norm root is N(Z·u²)·N(u)·5^((p+1)/4)·N(g(x1))^((p+1)/4), reusing the same power.</para>
/// <para>Inputs are hash outputs, i.e. public, so the map branches freely (not constant time).</para>
/// </remarks>
internal static class SimplifiedSwuG2
{
    /// <summary>5^((p+1)/4): the factor that turns the power of a non-square norm n into a root of 5·n.</summary>
    private static readonly Fp FivePower = Fp.FromUInt64(5).Pow(FpConstants.PPlus1Over4);

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
        var gx1 = ((x1.Square() + IsogenyG2Constants.A) * x1) + IsogenyG2Constants.B;

        var norm = gx1.Norm();
        bool gx1IsSquare = norm.TrySqrt(out var normPower);
        Fp2 square;
        Fp normRoot;
        if (gx1IsSquare)
        {
            x = x1;
            square = gx1;
            normRoot = normPower;
        }
        else
        {
            // x2 = Z·u²·x1 and g(x2) = (Z·u²)³·g(x1), which is then a square.
            x = tv1 * x1;
            square = gx1 * tv1 * tv2;
            normRoot = tv1.Norm() * u.Norm() * FivePower * normPower;
        }

        if (!NormSquareRoot.TrySqrt(square, normRoot, out y))
        {
            throw new InvalidOperationException("Simplified SWU met a non-square; the map constants are wrong.");
        }

        if (u.Sgn0() != y.Sgn0())
        {
            y = -y;
        }
    }
}
