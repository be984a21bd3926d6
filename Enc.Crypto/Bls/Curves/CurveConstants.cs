using System.Globalization;
using System.Numerics;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.Curves;

/// <summary>
/// Curve-level constants of BLS12-381: the group order r, the curve parameter x, the generators,
/// and the endomorphism coefficients (derived from the field at start-up rather than typed in).
/// </summary>
internal static class CurveConstants
{
    /// <summary>|x| for the BLS parameter x = −0xd201000000010000 (x is negative).</summary>
    public const ulong AbsX = 0xd201000000010000;

    /// <summary>Limb 0 (least significant) of r.</summary>
    public const ulong OrderLimb0 = 0xffffffff00000001;

    /// <summary>Limb 1 of r.</summary>
    public const ulong OrderLimb1 = 0x53bda402fffe5bfe;

    /// <summary>Limb 2 of r.</summary>
    public const ulong OrderLimb2 = 0x3339d80809a1d805;

    /// <summary>Limb 3 (most significant) of r.</summary>
    public const ulong OrderLimb3 = 0x73eda753299d7d48;

    /// <summary>The prime order r of G1, G2 and GT.</summary>
    public static readonly BigInteger GroupOrder = ParseHex("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");

    /// <summary>The G1 generator (ZCash/Ethereum convention).</summary>
    public static readonly G1Affine G1Generator = new(
        Fp.FromBigInteger(ParseHex("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb")),
        Fp.FromBigInteger(ParseHex("08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1")));

    /// <summary>The G2 generator (ZCash/Ethereum convention).</summary>
    public static readonly G2Affine G2Generator = new(
        new Fp2(
            Fp.FromBigInteger(ParseHex("024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8")),
            Fp.FromBigInteger(ParseHex("13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e"))),
        new Fp2(
            Fp.FromBigInteger(ParseHex("0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801")),
            Fp.FromBigInteger(ParseHex("0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be"))));

    /// <summary>ψ x-coefficient 1/ξ^((p−1)/3) with ξ = u + 1 (untwist–Frobenius–twist on the M-type twist).</summary>
    public static readonly Fp2 PsiCoefficientX = Xi.Pow(Exponent(3)).Inverse();

    /// <summary>ψ y-coefficient 1/ξ^((p−1)/2).</summary>
    public static readonly Fp2 PsiCoefficientY = Xi.Pow(Exponent(2)).Inverse();

    /// <summary>
    /// β, a primitive cube root of unity in F_p such that φ(x, y) = (βx, y) acts on G1 as
    /// multiplication by −x² mod r (of the two roots, the one with that eigenvalue). Used by the
    /// G1 subgroup check of Bowe / Scott.
    /// </summary>
    public static readonly Fp Beta = ChooseBeta();

    private static Fp2 Xi => new(Fp.One, Fp.One);

    private static ulong[] Exponent(int divisor) => BigIntegerLimbs.ToLimbs((FpConstants.Modulus - 1) / divisor, 6);

    private static BigInteger ParseHex(string hex) => BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static Fp ChooseBeta()
    {
        // 2 is not a cube in F_p, so 2^((p−1)/3) is a primitive cube root of unity; its square is the other one.
        var root = Fp.FromUInt64(2).Pow(Exponent(3));
        if (root.IsOne)
        {
            throw new InvalidOperationException("2 is unexpectedly a cube in F_p.");
        }

        var generator = G1Projective.FromAffine(G1Generator);
        var minusXSquared = -generator.MulByX().MulByX();
        var mapped = new G1Projective(generator.X * root, generator.Y, generator.Z);
        return mapped == minusXSquared ? root : root.Square();
    }
}
