using System.Numerics;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Tests.Bls;

/// <summary>Field laws, Frobenius maps, sparse products and cyclotomic arithmetic of F_p⁶ and F_p¹².</summary>
public sealed class TowerTests
{
    private static readonly ulong[] P = BigIntegerLimbs.ToLimbs(FpConstants.Modulus, 6);

    [Fact]
    public void Fp6FieldLawsHold() => AssertFieldLaws(new BlsTestRandom(30).NextFp6);

    [Fact]
    public void Fp12FieldLawsHold() => AssertFieldLaws(new BlsTestRandom(31).NextFp12);

    [Fact]
    public void VCubedIsXiAndWSquaredIsV()
    {
        var v = new Fp6(Fp2.Zero, Fp2.One, Fp2.Zero);
        var xi = new Fp2(Fp.One, Fp.One);
        Assert.Equal(new Fp6(xi, Fp2.Zero, Fp2.Zero), v * v * v);
        var w = new Fp12(Fp6.Zero, Fp6.One);
        Assert.Equal(new Fp12(v, Fp6.Zero), w.Square());
    }

    [Fact]
    public void FrobeniusIsThePPower()
    {
        var random = new BlsTestRandom(32);
        for (var i = 0; i < 2; i++)
        {
            var a = random.NextFp6();
            Assert.Equal(FieldExponentiation.Pow(a, P), a.FrobeniusMap());
            var f = random.NextFp12();
            Assert.Equal(f.Pow(P), f.FrobeniusMap());
        }
    }

    [Fact]
    public void SparseProductsMatchFullProducts()
    {
        var random = new BlsTestRandom(33);
        for (var i = 0; i < 20; i++)
        {
            var a = random.NextFp6();
            var b0 = random.NextFp2();
            var b1 = random.NextFp2();
            Assert.Equal(a * new Fp6(b0, b1, Fp2.Zero), a.MulBy01(b0, b1));
            Assert.Equal(a * new Fp6(Fp2.Zero, b1, Fp2.Zero), a.MulBy1(b1));
            Assert.Equal(a * new Fp6(Fp2.Zero, Fp2.One, Fp2.Zero), a.MulByNonResidue());

            var f = random.NextFp12();
            var c4 = random.NextFp2();
            var sparse = new Fp12(new Fp6(b0, b1, Fp2.Zero), new Fp6(Fp2.Zero, c4, Fp2.Zero));
            Assert.Equal(f * sparse, f.MulBy014(b0, b1, c4));
        }
    }

    [Fact]
    public void LineProductsMatchFullProducts()
    {
        var random = new BlsTestRandom(37);
        for (var i = 0; i < 20; i++)
        {
            var a = random.NextFp6();
            var b1 = random.NextFp2();
            var b2 = random.NextFp2();
            Assert.Equal(a * new Fp6(Fp2.Zero, b1, b2), a.MulBy12(b1, b2));

            var l = (random.NextFp2(), random.NextFp2(), random.NextFp2());
            var m = (random.NextFp2(), random.NextFp2(), random.NextFp2());
            var lineL = new Fp12(new Fp6(l.Item1, l.Item2, Fp2.Zero), new Fp6(Fp2.Zero, l.Item3, Fp2.Zero));
            var lineM = new Fp12(new Fp6(m.Item1, m.Item2, Fp2.Zero), new Fp6(Fp2.Zero, m.Item3, Fp2.Zero));
            var product = Fp12.MulLines(l.Item1, l.Item2, l.Item3, m.Item1, m.Item2, m.Item3);
            Assert.Equal(lineL * lineM, product);
            Assert.True(product.C1.C0.IsZero);

            var f = random.NextFp12();
            Assert.Equal(f * product, f.MulBy01245(product));
        }

        // Edge values: zero and one lines.
        var zero = Fp2.Zero;
        var one = Fp2.One;
        Assert.Equal(Fp12.One, Fp12.MulLines(one, zero, zero, one, zero, zero));
        Assert.Equal(Fp12.Zero, Fp12.MulLines(zero, zero, zero, one, one, one));
        Assert.Equal(Fp12.Zero, Fp12.One.MulBy01245(Fp12.Zero));
    }

    [Fact]
    public void CyclotomicSquaringAndExponentiationAgreeWithGenericOnes()
    {
        var random = new BlsTestRandom(34);
        var absX = BigIntegerLimbs.ToLimbs(new BigInteger(0xd201000000010000), 1);
        for (var i = 0; i < 5; i++)
        {
            // Project into the cyclotomic subgroup with the easy part of the final exponentiation.
            var f = random.NextFp12();
            var g = f.Conjugate() * f.Inverse();
            g = g.FrobeniusMap().FrobeniusMap() * g;
            Assert.Equal(g.Square(), g.CyclotomicSquare());
            Assert.Equal(g.Pow(absX).Conjugate(), g.CyclotomicExpByX());
            Assert.Equal(Fp12.One, g * g.Conjugate());
        }
    }

    [Fact]
    public void BatchedExpByXMatchesTheRunByRunOracle()
    {
        var random = new BlsTestRandom(36);
        for (var i = 0; i < 8; i++)
        {
            var f = random.NextFp12();
            var g = f.Conjugate() * f.Inverse();
            g = g.FrobeniusMap().FrobeniusMap() * g;
            Assert.Equal(g.CyclotomicExpByXRunByRun(), g.CyclotomicExpByX());

            // Conjugates and products stay in the subgroup: more inputs for the same law.
            var h = g.Conjugate() * g.CyclotomicSquare();
            Assert.Equal(h.CyclotomicExpByXRunByRun(), h.CyclotomicExpByX());
        }
    }

    [Fact]
    public void BatchedExpByXFallsBackWhenADecompressionIsUndefined()
    {
        // The identity compresses to z2 = z3 = 0 at every checkpoint: the run-by-run path answers.
        Assert.Equal(Fp12.One, Fp12.One.CyclotomicExpByX());
        Assert.Equal(Fp12.One, Fp12.One.CyclotomicExpByXRunByRun());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(12)]
    [InlineData(33)]
    public void CompressedSquaringMatchesRepeatedSquaring(int count)
    {
        var random = new BlsTestRandom(35 + count);
        for (var i = 0; i < 3; i++)
        {
            var f = random.NextFp12();
            var g = f.Conjugate() * f.Inverse();
            g = g.FrobeniusMap().FrobeniusMap() * g;
            var expected = g;
            for (var k = 0; k < count; k++)
            {
                expected = expected.Square();
            }

            Assert.Equal(expected, g.CyclotomicSquareRepeatedVariableTime(count));
        }

        // The identity compresses to zeros, which cannot be recovered: the uncompressed fallback runs.
        Assert.Equal(Fp12.One, Fp12.One.CyclotomicSquareRepeatedVariableTime(count));
    }

    private static void AssertFieldLaws<T>(Func<T> next)
        where T : struct, IField<T>
    {
        for (var i = 0; i < 20; i++)
        {
            var a = next();
            var b = next();
            var c = next();
            Assert.Equal(a * b, b * a);
            Assert.Equal((a * b) * c, a * (b * c));
            Assert.Equal(a * (b + c), a * b + a * c);
            Assert.Equal(a.Square(), a * a);
            Assert.Equal(a.Double(), a + a);
            Assert.True((a - a).IsZero);
            Assert.Equal(T.One, a * a.Inverse());
            Assert.Equal(-a + b, b - a);
        }
    }
}
