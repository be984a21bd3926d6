using System.Numerics;
using Enc.Crypto.Bls.Curves;

namespace Enc.Crypto.Tests.Bls;

/// <summary>
/// The ψ-based (GLS) constant-time multiplication in G2 and its base-|x| scalar decomposition,
/// cross-checked against plain double-and-add and BigInteger arithmetic.
/// </summary>
public sealed class G2ScalarMultiplicationTests
{
    private static readonly BigInteger R = CurveConstants.GroupOrder;
    private static readonly BigInteger AbsX = new(CurveConstants.AbsX);
    private static readonly BigInteger Max256 = (BigInteger.One << 256) - 1;

    public static TheoryData<string, string> EdgeScalars => new()
    {
        { "zero", "0" },
        { "one", "1" },
        { "|x| - 1", (AbsX - 1).ToString() },
        { "|x|", AbsX.ToString() },
        { "|x|^2", (AbsX * AbsX).ToString() },
        { "|x|^3 + 1", (AbsX * AbsX * AbsX + 1).ToString() },
        { "r - 1", (R - 1).ToString() },
        { "r", R.ToString() },
        { "r + 1", (R + 1).ToString() },
        { "2^256 - 1 (top digit needs 65 bits)", Max256.ToString() },
    };

    [Theory]
    [MemberData(nameof(EdgeScalars))]
    public void DecompositionRebuildsTheScalar(string name, string decimalScalar)
    {
        var k = BigInteger.Parse(decimalScalar);
        AssertDecomposition(k, name);
    }

    [Fact]
    public void DecompositionOfRandomScalarsRebuildsThem()
    {
        var random = new BlsTestRandom(310);
        for (var i = 0; i < 200; i++)
        {
            AssertDecomposition(random.NextBelow(BigInteger.One << 256), $"random #{i}");
        }
    }

    [Theory]
    [MemberData(nameof(EdgeScalars))]
    public void MatchesDoubleAndAddOnEdgeScalars(string name, string decimalScalar)
    {
        var k = BigInteger.Parse(decimalScalar);
        var bytes = ToBytes(k, 32);
        var q = new BlsTestRandom(311).NextG2();
        Assert.True(q.MultiplyVariableTime(bytes) == q.MultiplyInSubgroup(bytes), name);
    }

    [Fact]
    public void MatchesDoubleAndAddOnRandomPointsAndScalars()
    {
        var random = new BlsTestRandom(312);
        for (var i = 0; i < 6; i++)
        {
            var q = random.NextG2();
            var k = random.NextScalar();
            var bytes = BlsTestRandom.ScalarBytes(k);
            Assert.Equal(q.MultiplyVariableTime(bytes), q.MultiplyInSubgroup(bytes));
            Assert.Equal(q.Multiply(bytes), q.MultiplyInSubgroup(bytes));
        }
    }

    [Fact]
    public void ShortScalarsAndTheIdentityWork()
    {
        var g = G2Projective.Generator;
        Assert.Equal(g.Double() + g, g.MultiplyInSubgroup([3]));
        Assert.True(g.MultiplyInSubgroup([]).IsIdentity);
        Assert.True(G2Projective.Identity.MultiplyInSubgroup(ToBytes(R - 1, 32)).IsIdentity);
        Assert.Throws<ArgumentException>(() => g.MultiplyInSubgroup(new byte[33]));
    }

    private static void AssertDecomposition(BigInteger k, string name)
    {
        AbsXDigits.Decompose(ToBytes(k, 32), out var d0, out var d1, out var d2, out var d3, out var d3Top);
        Assert.True(d0 < CurveConstants.AbsX && d1 < CurveConstants.AbsX && d2 < CurveConstants.AbsX, name);
        var top = new BigInteger(d3) + (new BigInteger(d3Top) << 64);
        var rebuilt = new BigInteger(d0) + AbsX * (new BigInteger(d1) + AbsX * (new BigInteger(d2) + AbsX * top));
        Assert.True(k == rebuilt, name);
    }

    private static byte[] ToBytes(BigInteger k, int length)
    {
        var raw = k.ToByteArray(isUnsigned: true, isBigEndian: true);
        var bytes = new byte[length];
        raw.CopyTo(bytes, length - raw.Length);
        return bytes;
    }
}
