using System.Numerics;
using Enc.Crypto.Bls.Curves;

namespace Enc.Crypto.Tests.Bls;

/// <summary>
/// The GLV-SAC signed-digit recoding behind the constant-time G2 multiplication, rebuilt with
/// BigInteger arithmetic (Σ columns of ±(k₀-part + subset of |x|-powers) must equal k mod r), and
/// the multiplication itself on scalars that hit each of its corrections (even first digit, k ≥ r,
/// k ≥ 2r).
/// </summary>
public sealed class GlvSacRecodingTests
{
    private static readonly BigInteger R = CurveConstants.GroupOrder;
    private static readonly BigInteger AbsX = new(CurveConstants.AbsX);

    public static TheoryData<string, string> EdgeScalars => new()
    {
        { "zero", "0" },
        { "one", "1" },
        { "two (even first digit)", "2" },
        { "|x| (first digit zero)", AbsX.ToString() },
        { "|x| - 1", (AbsX - 1).ToString() },
        { "|x|^3 (only the top digit)", (AbsX * AbsX * AbsX).ToString() },
        { "r - 1", (R - 1).ToString() },
        { "r", R.ToString() },
        { "r + 1", (R + 1).ToString() },
        { "2r - 1", (2 * R - 1).ToString() },
        { "2r", (2 * R).ToString() },
        { "2r + 2", (2 * R + 2).ToString() },
        { "2^255", (BigInteger.One << 255).ToString() },
        { "2^256 - 1", ((BigInteger.One << 256) - 1).ToString() },
    };

    [Theory]
    [MemberData(nameof(EdgeScalars))]
    public void RecodingRebuildsTheScalarModR(string name, string decimalScalar) =>
        AssertRecoding(BigInteger.Parse(decimalScalar), name);

    [Fact]
    public void RecodingOfRandomScalarsRebuildsThem()
    {
        var random = new BlsTestRandom(320);
        for (var i = 0; i < 300; i++)
        {
            AssertRecoding(random.NextBelow(BigInteger.One << 256), $"random #{i}");
        }
    }

    [Fact]
    public void EveryColumnHasASignAndTheTopColumnIsPositive()
    {
        Span<byte> negative = stackalloc byte[GlvSacRecoding.Columns];
        Span<byte> subset = stackalloc byte[GlvSacRecoding.Columns];
        GlvSacRecoding.Recode(ToBytes(R - 1), negative, subset);
        Assert.Equal(0, negative[GlvSacRecoding.Columns - 1]);
        foreach (var value in negative)
        {
            Assert.True(value <= 1);
        }

        foreach (var value in subset)
        {
            Assert.True(value < 8);
        }
    }

    [Fact]
    public void RejectsScalarsLongerThan32Bytes() =>
        Assert.Throws<ArgumentException>(() => GlvSacRecoding.Recode(new byte[33], new byte[GlvSacRecoding.Columns], new byte[GlvSacRecoding.Columns]));

    [Theory]
    [MemberData(nameof(EdgeScalars))]
    public void MultiplicationMatchesDoubleAndAdd(string name, string decimalScalar)
    {
        var bytes = ToBytes(BigInteger.Parse(decimalScalar));
        var q = new BlsTestRandom(321).NextG2();
        Assert.True(q.MultiplyVariableTime(bytes) == q.MultiplyInSubgroup(bytes), name);
        Assert.True(G2Projective.Identity.MultiplyInSubgroup(bytes).IsIdentity, name);
    }

    [Fact]
    public void MultiplicationOfSmallScalarsMatchesRepeatedAddition()
    {
        var g = G2Projective.Generator;
        var expected = G2Projective.Identity;
        for (var k = 0; k < 20; k++)
        {
            Assert.Equal(expected, g.MultiplyInSubgroup([(byte)k]));
            expected += g;
        }
    }

    private static void AssertRecoding(BigInteger k, string name)
    {
        Span<byte> negative = stackalloc byte[GlvSacRecoding.Columns];
        Span<byte> subset = stackalloc byte[GlvSacRecoding.Columns];
        var subtract = GlvSacRecoding.Recode(ToBytes(k), negative, subset);

        // Column i stands for s_i·2^i·(1 + Σ_{j ∈ u_i} |x|^j) in base-|x| digit space.
        var powers = new[] { BigInteger.One, AbsX, AbsX * AbsX, AbsX * AbsX * AbsX };
        var rebuilt = BigInteger.Zero;
        for (var i = 0; i < GlvSacRecoding.Columns; i++)
        {
            var column = powers[0];
            for (var j = 0; j < 3; j++)
            {
                if (((subset[i] >> j) & 1) == 1)
                {
                    column += powers[j + 1];
                }
            }

            rebuilt += (negative[i] == 1 ? -column : column) << i;
        }

        rebuilt -= subtract;
        Assert.True(rebuilt == k % R, name);
    }

    private static byte[] ToBytes(BigInteger k)
    {
        var raw = k.ToByteArray(isUnsigned: true, isBigEndian: true);
        var bytes = new byte[32];
        raw.CopyTo(bytes, 32 - raw.Length);
        return bytes;
    }
}
