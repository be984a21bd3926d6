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

    private static G2Projective ToProjective(in JacobianPoint<Fp2> point)
    {
        point.ToHomogeneous(out var x, out var y, out var z);
        return new G2Projective(x, y, z);
    }
}
