using System.Numerics;
using CsCheck;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Tests.Bls;

/// <summary>
/// <see cref="Fp.SumOfProducts"/> (two product rows, one Montgomery reduction) and the F_p²
/// multiplication built on it, cross-checked against a naive BigInteger reference.
/// </summary>
public sealed class SumOfProductsTests
{
    private static readonly BigInteger P = FpConstants.Modulus;

    /// <summary>Values at the edges of the reduction bounds: 0, 1, p − 1 and the limb boundaries.</summary>
    private static readonly BigInteger[] Edges =
    [
        0, 1, 2, P - 1, P - 2, (P - 1) / 2, (P + 1) / 2, BigInteger.One << 380, (BigInteger.One << 64) - 1,
        (BigInteger.One << 320) - 1, (BigInteger.One << 381) % P,
    ];

    private static BigInteger Ref(ReadOnlySpan<byte> bytes) => new BigInteger(bytes, isUnsigned: true, isBigEndian: true) % P;

    [Fact]
    public void RandomSumsMatchBigInteger()
    {
        Gen.Select(Gen.Byte.Array[48], Gen.Byte.Array[48], Gen.Byte.Array[48], Gen.Byte.Array[48]).Sample((w, x, y, z) =>
        {
            var (a, b, c, d) = (Ref(w), Ref(x), Ref(y), Ref(z));
            var sum = Fp.SumOfProducts(Fp.FromBigInteger(a), Fp.FromBigInteger(b), Fp.FromBigInteger(c), Fp.FromBigInteger(d));
            Assert.Equal((a * b + c * d) % P, sum.ToBigInteger());
        }, iter: 1000);
    }

    [Fact]
    public void EdgeValuesInEveryPositionMatchBigInteger()
    {
        foreach (var a in Edges)
        {
            foreach (var b in Edges)
            {
                foreach (var c in Edges)
                {
                    foreach (var d in new[] { BigInteger.Zero, BigInteger.One, P - 1, b })
                    {
                        var sum = Fp.SumOfProducts(Fp.FromBigInteger(a), Fp.FromBigInteger(b), Fp.FromBigInteger(c), Fp.FromBigInteger(d));
                        Assert.Equal((a * b + c * d) % P, sum.ToBigInteger());
                    }
                }
            }
        }
    }

    [Fact]
    public void MaximalOperandsStayCanonical()
    {
        // (p − 1)² + (p − 1)² is the largest sum the reduction can see; the result must be fully reduced.
        var max = Fp.FromBigInteger(P - 1);
        var sum = Fp.SumOfProducts(max, max, max, max);
        Assert.Equal(2 * (P - 1) * (P - 1) % P, sum.ToBigInteger());
        Assert.Equal(sum, max * max + max * max);
    }

    [Fact]
    public void Fp2ProductMatchesBigIntegerReference()
    {
        var random = new BlsTestRandom(40);
        var samples = new List<(BigInteger, BigInteger)>();
        for (var i = 0; i < 300; i++)
        {
            samples.Add((random.NextBelow(P), random.NextBelow(P)));
        }

        foreach (var e in Edges)
        {
            samples.Add((e, P - 1 - e % P));
            samples.Add((e, e));
        }

        for (var i = 0; i + 1 < samples.Count; i++)
        {
            var (a0, a1) = samples[i];
            var (b0, b1) = samples[i + 1];

            // (a0 + a1u)(b0 + b1u) with u² = −1.
            var c0 = ((a0 * b0 - a1 * b1) % P + P) % P;
            var c1 = (a0 * b1 + a1 * b0) % P;
            var product = ToFp2(a0, a1) * ToFp2(b0, b1);
            Assert.Equal(c0, product.C0.ToBigInteger());
            Assert.Equal(c1, product.C1.ToBigInteger());
        }
    }

    private static Fp2 ToFp2(BigInteger c0, BigInteger c1) => new(Fp.FromBigInteger(c0), Fp.FromBigInteger(c1));
}
