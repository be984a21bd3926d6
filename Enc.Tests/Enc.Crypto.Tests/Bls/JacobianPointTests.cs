using System.Numerics;
using Enc.Crypto.Bls.Curves;
using Enc.Crypto.Bls.Fields;
using Enc.Crypto.Bls.HashToCurve;

namespace Enc.Crypto.Tests.Bls;

/// <summary>
/// The Jacobian chain behind MulByX (subgroup checks, cofactor clearing) against the complete
/// homogeneous formulas, including points outside the subgroup and the exceptional additions.
/// </summary>
public sealed class JacobianPointTests
{
    private static readonly byte[] AbsXBytes = BlsTestRandom.ScalarBytes(new BigInteger(CurveConstants.AbsX));

    [Fact]
    public void G2MulByXMatchesDoubleAndAddOnAndOffTheSubgroup()
    {
        // MapToCurve outputs are on E2 but (almost surely) outside G2.
        var point = HashToG2.MapToCurve(HashToG2Tests.ParseFp2("0x1,0x2"));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(-point.MultiplyVariableTime(AbsXBytes), point.MulByX());
            point = point.Double() + G2Projective.Generator;
        }

        Assert.True(G2Projective.Identity.MulByX().IsIdentity);
    }

    [Fact]
    public void G1MulByXMatchesDoubleAndAdd()
    {
        var random = new BlsTestRandom(400);
        for (var i = 0; i < 3; i++)
        {
            var point = random.NextG1();
            Assert.Equal(-point.MultiplyVariableTime(AbsXBytes), point.MulByX());
        }

        Assert.True(G1Projective.Identity.MulByX().IsIdentity);
    }

    [Fact]
    public void AdditionHandlesItsExceptionalCases()
    {
        var g = G2Projective.Generator;
        var p = JacobianPoint<Fp2>.FromHomogeneous(g.X, g.Y, g.Z);
        var minusG = -g;
        var minusP = JacobianPoint<Fp2>.FromHomogeneous(minusG.X, minusG.Y, minusG.Z);

        Assert.Equal(g.Double(), ToProjective(p.Add(p)));
        Assert.True(ToProjective(p.Add(minusP)).IsIdentity);
        Assert.Equal(g, ToProjective(p.Add(p.Add(minusP))));
        Assert.Equal(g.Double() + g, ToProjective(p.Double().Add(p)));
    }

    [Fact]
    public void MulByXOfAffineInputsUsesMixedAdditionsAndMatchesDoubleAndAdd()
    {
        // Z = 1 selects the mixed additions; off-subgroup points (map outputs) and G2/G1 points.
        var point = HashToG2.MapToCurve(HashToG2Tests.ParseFp2("0x3,0x4"));
        var random = new BlsTestRandom(401);
        for (var i = 0; i < 3; i++)
        {
            var affine = G2Projective.FromAffine(point.ToAffineVariableTime());
            Assert.True(affine.Z == Fp2.One);
            Assert.Equal(-point.MultiplyVariableTime(AbsXBytes), affine.MulByX());
            var inGroup = G2Projective.FromAffine(random.NextG2().ToAffineVariableTime());
            Assert.Equal(-inGroup.MultiplyVariableTime(AbsXBytes), inGroup.MulByX());
            var g1 = G1Projective.FromAffine(random.NextG1().ToAffineVariableTime());
            Assert.Equal(-g1.MultiplyVariableTime(AbsXBytes), g1.MulByX());
            point = point.Double() + G2Projective.Generator;
        }
    }

    [Fact]
    public void MixedAdditionHandlesItsExceptionalCases()
    {
        var g = G2Projective.Generator;
        var p = JacobianPoint<Fp2>.FromHomogeneous(g.X, g.Y, g.Z);
        var minusG = -g;
        var minusP = JacobianPoint<Fp2>.FromHomogeneous(minusG.X, minusG.Y, minusG.Z);
        var identity = JacobianPoint<Fp2>.FromHomogeneous(Fp2.Zero, Fp2.One, Fp2.Zero);

        Assert.Equal(g.Double(), ToProjective(p.AddAffine(p)));
        Assert.True(ToProjective(p.AddAffine(minusP)).IsIdentity);
        Assert.Equal(g, ToProjective(identity.AddAffine(p)));
        Assert.Equal(g.Double() + g, ToProjective(p.Double().AddAffine(p)));
        Assert.Equal(g.Double().Double() - g, ToProjective(p.Double().Add(p).AddAffine(minusP).Double().AddAffine(minusP)));
    }

    private static G2Projective ToProjective(in JacobianPoint<Fp2> point)
    {
        point.ToHomogeneous(out var x, out var y, out var z);
        return new G2Projective(x, y, z);
    }
}
