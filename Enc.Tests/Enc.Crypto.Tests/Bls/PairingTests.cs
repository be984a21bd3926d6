using System.Numerics;
using Enc.Crypto.Bls.Curves;
using Enc.Crypto.Bls.Fields;
using BlsPairing = Enc.Crypto.Bls.Pairing.Pairing;

namespace Enc.Crypto.Tests.Bls;

/// <summary>Bilinearity, non-degeneracy and the product check of the optimal ate pairing.</summary>
public sealed class PairingTests
{
    private static readonly BigInteger R = CurveConstants.GroupOrder;

    [Fact]
    public void PairingIsBilinear()
    {
        var random = new BlsTestRandom(40);
        var p = G1Affine.Generator;
        var q = G2Affine.Generator;
        var basePairing = BlsPairing.Pair(p, q);
        for (var i = 0; i < 2; i++)
        {
            var a = random.NextScalar();
            var b = random.NextScalar();
            var ap = G1Projective.Generator.Multiply(BlsTestRandom.ScalarBytes(a)).ToAffine();
            var bq = G2Projective.Generator.Multiply(BlsTestRandom.ScalarBytes(b)).ToAffine();
            var expected = basePairing.Pow(BigIntegerLimbs.ToLimbs(a * b % R, 4));
            Assert.Equal(expected, BlsPairing.Pair(ap, bq));
        }
    }

    [Fact]
    public void PairingIsNonDegenerateAndHasOrderR()
    {
        var e = BlsPairing.Pair(G1Affine.Generator, G2Affine.Generator);
        Assert.False(e.IsOne);
        Assert.True(e.Pow(BigIntegerLimbs.ToLimbs(R, 4)).IsOne);
        Assert.True(BlsPairing.Pair(G1Affine.Identity, G2Affine.Generator).IsOne);
        Assert.True(BlsPairing.Pair(G1Affine.Generator, G2Affine.Identity).IsOne);
    }

    [Fact]
    public void PairingWithANegatedPointCancels()
    {
        var random = new BlsTestRandom(41);
        var p = random.NextG1().ToAffine();
        var q = random.NextG2().ToAffine();
        Assert.Equal(Fp12.One, BlsPairing.Pair(p, -q) * BlsPairing.Pair(p, q));
        Assert.True(BlsPairing.MultiPairingIsOne([p, p], [q, -q]));
        Assert.True(BlsPairing.MultiPairingIsOne([p, -p], [q, q]));
        Assert.False(BlsPairing.MultiPairingIsOne([p, p], [q, q]));
    }

    [Fact]
    public void MultiMillerLoopEqualsTheProductOfSingleLoops()
    {
        var random = new BlsTestRandom(42);
        var ps = new G1Affine[10];
        var qs = new G2Affine[10];
        var product = Fp12.One;
        for (var i = 0; i < ps.Length; i++)
        {
            ps[i] = i == 3 ? G1Affine.Identity : random.NextG1().ToAffine();
            qs[i] = random.NextG2().ToAffine();
            product *= BlsPairing.MillerLoop(ps[i], qs[i]);
        }

        // Ten pairs exceed the stack threshold and exercise the pooled buffers.
        Assert.Equal(product, BlsPairing.MultiMillerLoop(ps, qs));
        Assert.Throws<ArgumentException>(() => BlsPairing.MultiMillerLoop(ps, qs[..9]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(9)]
    public void LinePairingMillerLoopMatchesTheLineByLineOracle(int pairs)
    {
        var random = new BlsTestRandom(44 + pairs);
        var ps = new G1Affine[pairs];
        var qs = new G2Affine[pairs];
        for (var i = 0; i < pairs; i++)
        {
            ps[i] = random.NextG1().ToAffine();
            qs[i] = random.NextG2().ToAffine();
        }

        // Nine pairs exceed the stack threshold (pooled line buffer); odd counts leave a single line.
        Assert.Equal(BlsPairing.MultiMillerLoopLineByLine(ps, qs), BlsPairing.MultiMillerLoop(ps, qs));
        if (pairs >= 2)
        {
            ps[1] = G1Affine.Identity;
            Assert.Equal(BlsPairing.MultiMillerLoopLineByLine(ps, qs), BlsPairing.MultiMillerLoop(ps, qs));
        }
    }

    [Fact]
    public void FinalExponentiationRaisesToThreeTimesTheCofactorOfGt()
    {
        var f = new BlsTestRandom(43).NextFp12();
        var p = FpConstants.Modulus;
        var exponent = 3 * (BigInteger.Pow(p, 12) - 1) / R;
        var limbs = BigIntegerLimbs.ToLimbs(exponent, (int)((exponent.GetBitLength() + 63) / 64));
        Assert.Equal(f.Pow(limbs), BlsPairing.FinalExponentiation(f));
    }
}
