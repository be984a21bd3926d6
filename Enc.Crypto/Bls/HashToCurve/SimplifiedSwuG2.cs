using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.HashToCurve;

/// <summary>
/// The simplified Shallue–van de Woestijne–Ulas map (RFC 9380 §6.6.2) from F_p² to the curve
/// E2': y² = x³ + A'·x + B', which is 3-isogenous to the G2 twist (A'·B' ≠ 0, unlike E2 itself).
/// </summary>
/// <remarks>
/// <para>Cost: two F_p exponentiations and no inversion. x1 is kept as a fraction N/D, so
/// g(x1) = U/D³ with U = N³ + A'·N·D² + B'·D³, and g(x1) is a square iff a = U·D is.
/// a ∈ F_p² is a square iff its norm n = N(a) is a square in F_p. One power
/// c = (n·m²)^((p−3)/4), with m = N(D), yields all of: a root n·c·m of n (when n is a square),
/// the square test, and 1/m² = ±c²·n, which gives 1/D = conj(D)·m/m² for x and y without an
/// inversion. The second exponentiation is the F_p² root itself (<see cref="NormSquareRoot"/>).</para>
/// <para>When g(x1) is not a square, g(x2) = (Z·u²)³·g(x1) with N(Z) = 5, and the norm root
/// of a·(Z·u²)³ is N(Z·u²)·N(u)·5^((p+1)/4)·n^((p+1)/4), reusing the same power.</para>
/// <para>Inputs are hash outputs, i.e. public, so the map branches freely (not constant time).</para>
/// </remarks>
internal static class SimplifiedSwuG2
{
    /// <summary>5^((p+1)/4): turns the power of a non-square norm n into a root of 5·n.</summary>
    private static readonly Fp FivePower = Fp.FromUInt64(5).Pow(FpConstants.PPlus1Over4);

    /// <summary>Maps <paramref name="u"/> to an affine point (x, y) of E2'.</summary>
    public static void Map(in Fp2 u, out Fp2 x, out Fp2 y)
    {
        var tv1 = IsogenyG2Constants.Z * u.Square();
        var tv2 = tv1.Square();
        var denominator = tv1 + tv2;

        // x1 = N/D = (−B/A)·(1 + 1/(Z²u⁴ + Zu²)), or B/(Z·A) when that denominator vanishes.
        Fp2 numerator, d;
        if (denominator.IsZero)
        {
            numerator = IsogenyG2Constants.B;
            d = IsogenyG2Constants.Z * IsogenyG2Constants.A;
        }
        else
        {
            numerator = -(IsogenyG2Constants.B * (denominator + Fp2.One));
            d = IsogenyG2Constants.A * denominator;
        }

        var dSquared = d.Square();
        var u3 = (numerator.Square() + (IsogenyG2Constants.A * dSquared)) * numerator + (IsogenyG2Constants.B * dSquared * d);
        var a = u3 * d;                                   // g(x1)·D⁴
        var n = a.Norm();
        if (n.IsZero)
        {
            // g(x1) = 0 would make (x1, 0) a point of order two; E2' has the odd order of E2 (they are
            // isogenous), so this cannot happen. Handled anyway rather than assumed.
            x = numerator * d.Inverse();
            y = Fp2.Zero;
            return;
        }

        var m = d.Norm();
        var c = (n * m.Square()).Pow(FpConstants.PMinus3Over4);
        var normRoot = n * c * m;
        bool isSquare = normRoot.Square() == n;
        var inverseMSquared = c.Square() * n;             // χ(n)/m²
        if (!isSquare)
        {
            inverseMSquared = -inverseMSquared;
        }

        var dConjugate = d.Conjugate();
        var inverseD = dConjugate.MulByFp(m * inverseMSquared);
        Fp2 target;
        if (isSquare)
        {
            x = numerator * inverseD;
            target = a;
        }
        else
        {
            // x2 = Z·u²·x1 and g(x2)·D⁴ = (Z·u²)³·a, which is then a square.
            x = tv1 * numerator * inverseD;
            target = a * tv1 * tv2;
            normRoot = tv1.Norm() * u.Norm() * FivePower * normRoot;
        }

        if (!NormSquareRoot.TrySqrt(target, normRoot, out var scaledY))
        {
            throw new InvalidOperationException("Simplified SWU met a non-square; the map constants are wrong.");
        }

        // y = √(g(x))= √target / D² = √target · conj(D)² / m².
        y = scaledY * dConjugate.Square().MulByFp(inverseMSquared);
        if (u.Sgn0() != y.Sgn0())
        {
            y = -y;
        }
    }
}
