using System.Numerics;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Tests.Bls;

/// <summary>
/// The batched variable-time divsteps (zero runs skipped, several bits cancelled per step)
/// against the plain one-step-at-a-time divstep of Bernstein–Yang §8, on BigInteger.
/// </summary>
public sealed class BernsteinYangDivstepsTests
{
    private const int Steps = 62;

    public static TheoryData<string, long, ulong, ulong> EdgeCases => new()
    {
        { "g = 0 (only halvings)", -1, 0xb9feffffffffaaab, 0 },
        { "f = 1, g = 1", -1, 1, 1 },
        { "all ones", -1, ulong.MaxValue, ulong.MaxValue },
        { "g = 2^63", -1, 3, 1UL << 63 },
        { "g = 2^61 (zeros up to the last step)", -1, 5, 1UL << 61 },
        { "large positive eta", 600, 0xb9feffffffffaaab, 0x123456789abcdef1 },
        { "large negative eta", -600, 0xb9feffffffffaaab, 0x123456789abcdef1 },
        { "eta = 0", 0, 7, 0x5555555555555555 },
        { "f = g", -1, 0x1234567890abcdef, 0x1234567890abcdef },
    };

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void EdgeCasesMatchSingleSteps(string name, long eta, ulong f, ulong g) => CheckAgainstReference(eta, f, g, name);

    [Fact]
    public void RandomInputsMatchSingleSteps()
    {
        var random = new Random(505);
        for (var i = 0; i < 5000; i++)
        {
            var f = (ulong)random.NextInt64() | 1UL | ((ulong)random.Next(2) << 63);
            var g = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);

            // Mostly small |eta| as in real runs, sometimes far out.
            long eta = i % 10 == 0 ? random.Next(-700, 701) : random.Next(-8, 9);
            CheckAgainstReference(eta, f, g, $"eta {eta}, f {f:x}, g {g:x}");
        }
    }

    private static void CheckAgainstReference(long eta, ulong f, ulong g, string name)
    {
        var (expectedEta, u, v, q, r) = Reference(eta, f, g);
        var actualEta = BernsteinYangInverse.Divsteps62(eta, f, g, out var matrix);
        Assert.True(expectedEta == actualEta, $"eta: {name}");
        Assert.True(u == matrix.U && v == matrix.V && q == matrix.Q && r == matrix.R, $"matrix: {name}");
        var limit = BigInteger.One << Steps;
        Assert.True(BigInteger.Abs(u) + BigInteger.Abs(v) <= limit, $"|u| + |v|: {name}");
        Assert.True(BigInteger.Abs(q) + BigInteger.Abs(r) <= limit, $"|q| + |r|: {name}");
    }

    /// <summary>62 single divsteps (δ = −η) with the transition matrix scaled by 2⁶², on exact integers.</summary>
    private static (long Eta, BigInteger U, BigInteger V, BigInteger Q, BigInteger R) Reference(long eta, ulong f0, ulong g0)
    {
        BigInteger f = f0, g = g0, u = 1, v = 0, q = 0, r = 1;
        var delta = -eta;
        for (var step = 0; step < Steps; step++)
        {
            var odd = !g.IsEven;
            if (delta > 0 && odd)
            {
                (delta, f, g, u, v, q, r) = (1 - delta, g, (g - f) / 2, 2 * q, 2 * r, q - u, r - v);
            }
            else if (odd)
            {
                (delta, g, u, v, q, r) = (1 + delta, (g + f) / 2, 2 * u, 2 * v, q + u, r + v);
            }
            else
            {
                (delta, g, u, v) = (1 + delta, g / 2, 2 * u, 2 * v);
            }
        }

        return (-delta, u, v, q, r);
    }
}
