using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Tests.Bls;

/// <summary>Field laws, inversion, square roots and sign rules of F_p².</summary>
public sealed class Fp2Tests
{
    [Fact]
    public void FieldLawsHold()
    {
        var random = new BlsTestRandom(10);
        for (var i = 0; i < 100; i++)
        {
            var a = random.NextFp2();
            var b = random.NextFp2();
            var c = random.NextFp2();
            Assert.Equal(a * b, b * a);
            Assert.Equal((a * b) * c, a * (b * c));
            Assert.Equal(a * (b + c), a * b + a * c);
            Assert.Equal(a.Square(), a * a);
            Assert.Equal(Fp2.Zero, a - a);
            Assert.Equal(a.Double(), a + a);
            Assert.Equal(a * new Fp2(Fp.One, Fp.One), a.MulByNonResidue());
            Assert.Equal(a * new Fp2(Fp.FromUInt64(12), Fp.FromUInt64(12)), a.MulByCurveB3());
        }
    }

    [Fact]
    public void USquaredIsMinusOne()
    {
        var u = new Fp2(Fp.Zero, Fp.One);
        Assert.Equal(-Fp2.One, u.Square());
    }

    [Fact]
    public void InverseFrobeniusAndSquareRootRoundTrip()
    {
        var random = new BlsTestRandom(11);
        for (var i = 0; i < 30; i++)
        {
            var a = random.NextFp2();
            Assert.Equal(Fp2.One, a * a.Inverse());
            Assert.Equal(a.Pow(BigIntegerLimbs.ToLimbs(FpConstants.Modulus, 6)), a.FrobeniusMap());
            Assert.True(a.Square().TrySqrt(out var root));
            Assert.True(root == a || root == -a);
        }
    }

    [Fact]
    public void NonSquaresAreRejected()
    {
        var random = new BlsTestRandom(12);
        var rejected = 0;
        for (var i = 0; i < 40; i++)
        {
            var a = random.NextFp2();
            var isSquare = a.TrySqrt(out var root);

            // Euler's criterion in F_p²: a is a square iff a^((p²−1)/2) = 1, i.e. its norm is a square in F_p.
            Assert.Equal(a.Norm().IsSquare(), isSquare);
            if (isSquare)
            {
                Assert.Equal(a, root.Square());
            }
            else
            {
                rejected++;
            }
        }

        Assert.InRange(rejected, 5, 35);
    }

    [Fact]
    public void VariableTimeSquareRootAgreesWithTheConstantTimeOne()
    {
        var random = new BlsTestRandom(13);
        var inputs = new List<Fp2>();
        for (var i = 0; i < 30; i++)
        {
            inputs.Add(random.NextFp2());
            inputs.Add(random.NextFp2().Square());
        }

        var c0 = random.NextFp();
        inputs.AddRange([new Fp2(c0, Fp.Zero), new Fp2(-c0, Fp.Zero), new Fp2(c0.Square(), Fp.Zero), new Fp2(-c0.Square(), Fp.Zero), Fp2.Zero]);
        foreach (var a in inputs)
        {
            var isSquare = a.TrySqrt(out var expected);
            Assert.Equal(isSquare, a.TrySqrtVariableTime(out var root));
            if (isSquare)
            {
                Assert.Equal(a, root.Square());
                Assert.True(root == expected || root == -expected);
            }
        }
    }

    [Fact]
    public void SquaringWithUnreducedSumsMatchesMultiplicationAtTheEdges()
    {
        // Square feeds c0 + c1 and 2c0 (up to 2p − 2) unreduced into the Montgomery product.
        var max = -Fp.One;
        var half = Fp.FromBigInteger((FpConstants.Modulus - 1) / 2);
        Fp[] edges = [Fp.Zero, Fp.One, max, max - Fp.One, half, half + Fp.One];
        foreach (var c0 in edges)
        {
            foreach (var c1 in edges)
            {
                var a = new Fp2(c0, c1);
                Assert.Equal(a * a, a.Square());
            }
        }

        var random = new BlsTestRandom(13);
        for (var i = 0; i < 200; i++)
        {
            var a = random.NextFp();
            var b = random.NextFp();
            var sum = Fp.AddUnreduced(a, b);
            Assert.Equal((a + b) * b, sum * b);
            Assert.Equal((a + b) * (a + b), sum * sum);
            Assert.Equal(new Fp2(a, b) * new Fp2(a, b), new Fp2(a, b).Square());
        }

        Assert.Equal((max + max) * (max + max), Fp.AddUnreduced(max, max) * Fp.AddUnreduced(max, max));
    }

    [Fact]
    public void Sgn0FollowsRfc9380()
    {
        var two = Fp.FromUInt64(2);
        Assert.False(new Fp2(Fp.Zero, Fp.Zero).Sgn0());
        Assert.True(new Fp2(Fp.One, Fp.Zero).Sgn0());
        Assert.False(new Fp2(two, Fp.One).Sgn0());
        Assert.True(new Fp2(Fp.Zero, Fp.One).Sgn0());
        Assert.False(new Fp2(Fp.Zero, two).Sgn0());
    }

    [Fact]
    public void LexicographicOrderLooksAtC1First()
    {
        Assert.True(new Fp2(Fp.Zero, -Fp.One).IsLexicographicallyLargest());
        Assert.False(new Fp2(-Fp.One, Fp.One).IsLexicographicallyLargest());
        Assert.True(new Fp2(-Fp.One, Fp.Zero).IsLexicographicallyLargest());
    }
}
