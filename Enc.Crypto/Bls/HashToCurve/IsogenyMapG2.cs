using Enc.Crypto.Bls.Curves;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.HashToCurve;

/// <summary>The 3-isogeny from E2' to the G2 twist E2 (RFC 9380 Appendix E.3).</summary>
/// <remarks>The result is projective, so no inversion is needed; a vanishing denominator maps to the identity.</remarks>
internal static class IsogenyMapG2
{
    /// <summary>Maps the affine E2' point (<paramref name="x"/>, <paramref name="y"/>) to E2.</summary>
    public static G2Projective Map(in Fp2 x, in Fp2 y)
    {
        var xNumerator = Evaluate(IsogenyG2Constants.XNumerator, x, monic: false);
        var xDenominator = Evaluate(IsogenyG2Constants.XDenominator, x, monic: true);
        var yNumerator = Evaluate(IsogenyG2Constants.YNumerator, x, monic: false);
        var yDenominator = Evaluate(IsogenyG2Constants.YDenominator, x, monic: true);

        // Homogeneous coordinates avoid the inversion: x = X/Z, y = Y/Z with Z = x_den·y_den.
        var z = xDenominator * yDenominator;
        if (z.IsZero)
        {
            return G2Projective.Identity;
        }

        return new G2Projective(xNumerator * yDenominator, y * yNumerator * xDenominator, z);
    }

    // Horner's rule; a monic polynomial has an implicit leading coefficient 1.
    private static Fp2 Evaluate(Fp2[] coefficients, in Fp2 x, bool monic)
    {
        int top = coefficients.Length - 1;
        var result = monic ? x + coefficients[top] : coefficients[top];
        for (int i = top - 1; i >= 0; i--)
        {
            result = (result * x) + coefficients[i];
        }

        return result;
    }
}
