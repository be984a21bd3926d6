using System.Numerics;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Tests.Bls;

/// <summary>
/// The randomly blinded inversion used for affine conversion of secret-derived points, against
/// the Fermat inversion and BigInteger.ModPow.
/// </summary>
public sealed class InverseBlindedTests
{
    private static readonly BigInteger P = FpConstants.Modulus;

    [Fact]
    public void RandomValuesMatchFermatInversion()
    {
        var random = new BlsTestRandom(50);
        for (var i = 0; i < 200; i++)
        {
            var a = random.NextFp();
            Assert.Equal(a.Inverse(), a.InverseBlinded());
        }
    }

    [Fact]
    public void EdgeValuesMatchModPow()
    {
        BigInteger[] edges = [1, 2, P - 1, P - 2, (P - 1) / 2, (P + 1) / 2, BigInteger.One << 380, (BigInteger.One << 64) - 1];
        foreach (var e in edges)
        {
            // Repeated calls draw different blinding factors and must agree.
            for (var round = 0; round < 3; round++)
            {
                Assert.Equal(BigInteger.ModPow(e, P - 2, P), Fp.FromBigInteger(e).InverseBlinded().ToBigInteger());
            }
        }
    }

    [Fact]
    public void ZeroMapsToZero()
    {
        Assert.Equal(Fp.Zero, Fp.Zero.InverseBlinded());
        Assert.Equal(Fp2.Zero, Fp2.Zero.InverseBlinded());
    }

    [Fact]
    public void Fp2InverseMatchesConstantTimeInverse()
    {
        var random = new BlsTestRandom(51);
        for (var i = 0; i < 100; i++)
        {
            var a = random.NextFp2();
            Assert.Equal(a.Inverse(), a.InverseBlinded());
            Assert.Equal(Fp2.One, a * a.InverseBlinded());
        }

        Assert.Equal(Fp2.One, Fp2.One.InverseBlinded());
        var minusU = new Fp2(Fp.Zero, -Fp.One);
        Assert.Equal(new Fp2(Fp.Zero, Fp.One), minusU.InverseBlinded());
    }
}
