using System.Numerics;
using Enc.Crypto.Bls.Curves;

namespace Enc.Crypto.Tests.Bls;

/// <summary>Group laws, scalar multiplication, endomorphisms and subgroup checks of G1 and G2.</summary>
public sealed class CurveTests
{
    private static readonly BigInteger R = CurveConstants.GroupOrder;

    [Fact]
    public void GeneratorsAreOnTheCurveAndHaveOrderR()
    {
        Assert.True(G1Affine.Generator.IsOnCurve);
        Assert.True(G2Affine.Generator.IsOnCurve);
        var rBytes = BlsTestRandom.ScalarBytes(R);
        Assert.True(G1Projective.Generator.MultiplyVariableTime(rBytes).IsIdentity);
        Assert.True(G2Projective.Generator.MultiplyVariableTime(rBytes).IsIdentity);
        Assert.False(G1Projective.Generator.IsIdentity);
        Assert.True(G1Projective.Generator.IsInSubgroup);
        Assert.True(G2Projective.Generator.IsInSubgroup);
    }

    [Fact]
    public void G1GroupLawsHold()
    {
        var random = new BlsTestRandom(20);
        AssertGroupLaws(random.NextG1);
        for (var i = 0; i < 5; i++)
        {
            var a = random.NextG1();
            var b = random.NextG1();
            Assert.Equal(a + b, a + b.ToAffine());
            Assert.Equal(a, a + G1Affine.Identity);
            Assert.True((a + b).IsOnCurve);
            Assert.Equal(a, G1Projective.FromAffine(a.ToAffine()));
        }
    }

    [Fact]
    public void G2GroupLawsHold()
    {
        var random = new BlsTestRandom(21);
        AssertGroupLaws(random.NextG2);
        for (var i = 0; i < 5; i++)
        {
            var a = random.NextG2();
            var b = random.NextG2();
            Assert.Equal(a + b, a + b.ToAffine());
            Assert.Equal(a, a + G2Affine.Identity);
            Assert.True((a + b).IsOnCurve);
            Assert.Equal(a, G2Projective.FromAffine(a.ToAffine()));
        }
    }

    [Fact]
    public void ScalarMultiplicationIsLinear()
    {
        var random = new BlsTestRandom(22);
        for (var i = 0; i < 5; i++)
        {
            var k = random.NextScalar();
            var m = random.NextScalar();
            var kb = BlsTestRandom.ScalarBytes(k);
            var mb = BlsTestRandom.ScalarBytes(m);
            var sum = BlsTestRandom.ScalarBytes((k + m) % R);
            var g1 = G1Projective.Generator;
            var g2 = G2Projective.Generator;
            Assert.Equal(g1.Multiply(kb) + g1.Multiply(mb), g1.Multiply(sum));
            Assert.Equal(g2.Multiply(kb) + g2.Multiply(mb), g2.Multiply(sum));
            Assert.Equal(g1.Multiply(kb), g1.MultiplyVariableTime(kb));
            Assert.Equal(g2.Multiply(kb), g2.MultiplyVariableTime(kb));
        }

        Assert.Equal(G2Projective.Generator.Double().Double() + G2Projective.Generator, G2Projective.Generator.MultiplyVariableTime(5UL));
        Assert.True(G2Projective.Generator.Multiply(new byte[32]).IsIdentity);
    }

    [Fact]
    public void EndomorphismsActAsTheirEigenvalues()
    {
        var random = new BlsTestRandom(23);
        var x = -new BigInteger(CurveConstants.AbsX);
        var xBytes = BlsTestRandom.ScalarBytes(((x % R) + R) % R);
        var minusXSquared = BlsTestRandom.ScalarBytes(((-x * x) % R + R) % R);
        for (var i = 0; i < 3; i++)
        {
            var q = random.NextG2();
            Assert.Equal(q.MultiplyVariableTime(xBytes), q.MulByX());
            Assert.Equal(q.MulByX(), q.Psi());
            Assert.Equal(q.Psi().Psi(), q.Psi2());
            Assert.True(q.Psi().IsOnCurve);
            var p = random.NextG1();
            Assert.Equal(p.MultiplyVariableTime(xBytes), p.MulByX());
            Assert.Equal(p.MultiplyVariableTime(minusXSquared), p.Phi());
        }
    }

    [Fact]
    public void PointsOutsideTheSubgroupAreRejected()
    {
        // Points on the curves found by trying x = 0, 1, 2, …; with overwhelming probability they
        // have a component outside the order-r subgroup (the cofactors are large).
        var found1 = 0;
        for (ulong xi = 0; found1 < 3; xi++)
        {
            var x = Enc.Crypto.Bls.Fields.Fp.FromUInt64(xi);
            if ((x.Square() * x + Enc.Crypto.Bls.Fields.Fp.One.MulByCurveB()).TrySqrt(out var y))
            {
                var p = G1Projective.FromAffine(new G1Affine(x, y));
                Assert.True(p.IsOnCurve);
                Assert.False(p.IsInSubgroup);
                found1++;
            }
        }

        var found2 = 0;
        for (ulong xi = 0; found2 < 3; xi++)
        {
            var x = new Enc.Crypto.Bls.Fields.Fp2(Enc.Crypto.Bls.Fields.Fp.FromUInt64(xi), Enc.Crypto.Bls.Fields.Fp.One);
            if ((x.Square() * x + Enc.Crypto.Bls.Fields.Fp2.One.MulByCurveB()).TrySqrt(out var y))
            {
                var q = G2Projective.FromAffine(new G2Affine(x, y));
                Assert.True(q.IsOnCurve);
                Assert.False(q.IsInSubgroup);
                found2++;
            }
        }
    }

    [Theory]
    [InlineData(1, 32)]
    [InlineData(3, 8)]
    [InlineData(20, 32)]
    [InlineData(70, 8)]
    public void MultiScalarMultiplicationEqualsTheSumOfProducts(int count, int scalarLength)
    {
        var random = new BlsTestRandom(24 + count);
        var g1 = new G1Projective[count];
        var g2 = new G2Projective[count];
        var scalars = random.NextBytes(count * scalarLength);
        scalars[0] = 0xff;
        if (count > 2)
        {
            scalars.AsSpan(scalarLength, scalarLength).Clear();
        }

        var expected1 = G1Projective.Identity;
        var expected2 = G2Projective.Identity;
        for (var i = 0; i < count; i++)
        {
            g1[i] = i == 1 ? G1Projective.Identity : random.NextG1();
            g2[i] = random.NextG2();
            var k = scalars.AsSpan(i * scalarLength, scalarLength);
            expected1 += g1[i].MultiplyVariableTime(k);
            expected2 += g2[i].MultiplyVariableTime(k);
        }

        Assert.Equal(expected1, MultiScalarMultiplication.MultiplyVariableTime<G1Projective>(g1, scalars, scalarLength));
        Assert.Equal(expected2, MultiScalarMultiplication.MultiplyVariableTime<G2Projective>(g2, scalars, scalarLength));
        Assert.Throws<ArgumentException>(() => MultiScalarMultiplication.MultiplyVariableTime<G1Projective>(g1, scalars.AsSpan(1), scalarLength));
    }

    private static void AssertGroupLaws<TPoint>(Func<TPoint> next)
        where TPoint : unmanaged, IProjectivePoint<TPoint>
    {
        for (var i = 0; i < 8; i++)
        {
            var a = next();
            var b = next();
            var c = next();
            Assert.Equal(a + b, b + a);
            Assert.Equal((a + b) + c, a + (b + c));
            Assert.Equal(a.Double(), a + a);
            Assert.True((a + -a).IsIdentity);
            Assert.Equal(a, a + TPoint.Identity);
            Assert.Equal(TPoint.Identity, TPoint.Identity.Double());
        }
    }
}
