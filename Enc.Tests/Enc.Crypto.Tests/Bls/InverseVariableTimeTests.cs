using System.Numerics;
using Enc.Crypto.Bls.Curves;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Tests.Bls;

/// <summary>
/// The variable-time (binary, almost Montgomery) inversion against the constant-time Fermat
/// inversion and BigInteger arithmetic, across the tower and for affine conversion.
/// </summary>
public sealed class InverseVariableTimeTests
{
    private static readonly BigInteger P = FpConstants.Modulus;

    public static TheoryData<string, string> EdgeValues => new()
    {
        { "one", "1" },
        { "two", "2" },
        { "p - 1", (P - 1).ToString() },
        { "p - 2", (P - 2).ToString() },
        { "(p - 1) / 2", ((P - 1) / 2).ToString() },
        { "2^380", (BigInteger.One << 380).ToString() },
        { "2^64 - 1", ulong.MaxValue.ToString() },
    };

    [Theory]
    [MemberData(nameof(EdgeValues))]
    public void FpInverseOfEdgeValuesMatchesBigInteger(string name, string decimalValue)
    {
        var value = BigInteger.Parse(decimalValue);
        var inverse = Fp.FromBigInteger(value).InverseVariableTime();
        Assert.True(BigInteger.ModPow(value, P - 2, P) == inverse.ToBigInteger(), name);
    }

    [Fact]
    public void FpInverseMatchesFermatOnRandomValues()
    {
        var random = new BlsTestRandom(500);
        for (var i = 0; i < 300; i++)
        {
            var a = random.NextFp();
            Assert.Equal(a.Inverse(), a.InverseVariableTime());
        }

        Assert.True(Fp.Zero.InverseVariableTime().IsZero);
    }

    [Fact]
    public void TowerInversesMatchTheConstantTimeOnes()
    {
        var random = new BlsTestRandom(501);
        for (var i = 0; i < 10; i++)
        {
            var a2 = random.NextFp2();
            var a6 = random.NextFp6();
            var a12 = random.NextFp12();
            Assert.Equal(a2.Inverse(), a2.InverseVariableTime());
            Assert.Equal(a6.Inverse(), a6.InverseVariableTime());
            Assert.Equal(a12.Inverse(), a12.InverseVariableTime());
            Assert.Equal(Fp12.One, a12 * a12.InverseVariableTime());
        }
    }

    [Fact]
    public void AffineConversionsAgree()
    {
        var random = new BlsTestRandom(502);
        for (var i = 0; i < 5; i++)
        {
            var g1 = random.NextG1();
            var g2 = random.NextG2();
            Assert.Equal(g1.ToAffine(), g1.ToAffineVariableTime());
            Assert.Equal(g2.ToAffine(), g2.ToAffineVariableTime());
        }

        Assert.True(G1Projective.Identity.ToAffineVariableTime().IsIdentity);
        Assert.True(G2Projective.Identity.ToAffineVariableTime().IsIdentity);

        // The blinded inversion of ToAffine maps Z = 0 to 0 like the other two.
        Assert.True(G1Projective.Identity.ToAffine().IsIdentity);
        Assert.True(G2Projective.Identity.ToAffine().IsIdentity);
    }
}
