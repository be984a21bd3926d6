using System.Numerics;

namespace Enc.Crypto.Bls.Fields;

/// <summary>
/// Coefficients of the p-power Frobenius map on the tower, derived at start-up from ξ = u + 1:
/// v^p = ξ^((p−1)/3)·v, (v²)^p = ξ^(2(p−1)/3)·v², w^p = ξ^((p−1)/6)·w.
/// </summary>
internal static class FrobeniusCoefficients
{
    /// <summary>ξ^((p−1)/3): the factor picked up by v.</summary>
    public static readonly Fp2 Fp6C1 = XiPow((FpConstants.Modulus - 1) / 3);

    /// <summary>ξ^(2(p−1)/3): the factor picked up by v².</summary>
    public static readonly Fp2 Fp6C2 = XiPow(2 * (FpConstants.Modulus - 1) / 3);

    /// <summary>ξ^((p−1)/6): the factor picked up by w.</summary>
    public static readonly Fp2 Fp12C1 = XiPow((FpConstants.Modulus - 1) / 6);

    private static Fp2 XiPow(BigInteger exponent) =>
        new Fp2(Fp.One, Fp.One).Pow(BigIntegerLimbs.ToLimbs(exponent, 6));
}
