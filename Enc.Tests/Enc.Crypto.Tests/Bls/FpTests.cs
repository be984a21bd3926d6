using System.Numerics;
using CsCheck;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Tests.Bls;

/// <summary>F_p arithmetic cross-checked against a naive System.Numerics.BigInteger reference.</summary>
public sealed class FpTests
{
    private static readonly BigInteger P = FpConstants.Modulus;

    private static BigInteger Ref(ReadOnlySpan<byte> bytes) => new BigInteger(bytes, isUnsigned: true, isBigEndian: true) % P;

    [Fact]
    public void LiteralLimbsMatchTheModulus()
    {
        ulong[] limbs = [FpConstants.P0, FpConstants.P1, FpConstants.P2, FpConstants.P3, FpConstants.P4, FpConstants.P5];
        Assert.Equal(P, BigIntegerLimbs.FromLimbs(limbs));
        Assert.Equal(BigInteger.Zero, (P * FpConstants.Inv + 1) % (BigInteger.One << 64));
    }

    [Fact]
    public void ArithmeticMatchesBigIntegerReference()
    {
        Gen.Select(Gen.Byte.Array[48], Gen.Byte.Array[48]).Sample((x, y) =>
        {
            var a = Ref(x);
            var b = Ref(y);
            var fa = Fp.FromBigInteger(a);
            var fb = Fp.FromBigInteger(b);
            Assert.Equal(a, fa.ToBigInteger());
            Assert.Equal((a + b) % P, (fa + fb).ToBigInteger());
            Assert.Equal(((a - b) % P + P) % P, (fa - fb).ToBigInteger());
            Assert.Equal((P - a) % P, (-fa).ToBigInteger());
            Assert.Equal(a * b % P, (fa * fb).ToBigInteger());
            Assert.Equal(a * a % P, fa.Square().ToBigInteger());
            Assert.Equal(a * 12 % P, fa.MulByCurveB3().ToBigInteger());
        }, iter: 500);
    }

    [Fact]
    public void EdgeValuesReduceCorrectly()
    {
        BigInteger[] edges = [0, 1, 2, P - 1, P - 2, (P - 1) / 2, (P + 1) / 2, BigInteger.One << 380, (BigInteger.One << 381) % P];
        foreach (var a in edges)
        {
            foreach (var b in edges)
            {
                var fa = Fp.FromBigInteger(a);
                var fb = Fp.FromBigInteger(b);
                Assert.Equal((a + b) % P, (fa + fb).ToBigInteger());
                Assert.Equal(((a - b) % P + P) % P, (fa - fb).ToBigInteger());
                Assert.Equal(a * b % P, (fa * fb).ToBigInteger());
            }
        }
    }

    [Fact]
    public void InverseAndSquareRootRoundTrip()
    {
        var random = new BlsTestRandom(1);
        for (var i = 0; i < 50; i++)
        {
            var a = random.NextFp();
            Assert.Equal(Fp.One, a * a.Inverse());
            var square = a.Square();
            Assert.True(square.TrySqrt(out var root));
            Assert.True(root == a || root == -a);
            Assert.Equal(BigInteger.ModPow(a.ToBigInteger(), (P - 1) / 2, P) != P - 1, a.IsSquare());
        }

        Assert.True(Fp.Zero.Inverse().IsZero);
    }

    [Fact]
    public void BigEndianEncodingRoundTripsAndRejectsValuesNotBelowP()
    {
        var random = new BlsTestRandom(2);
        for (var i = 0; i < 50; i++)
        {
            var a = random.NextFp();
            var bytes = a.ToBigEndian();
            Assert.Equal(a.ToBigInteger(), new BigInteger(bytes, isUnsigned: true, isBigEndian: true));
            Assert.True(Fp.TryFromBigEndian(bytes, out var back));
            Assert.Equal(a, back);
        }

        var pBytes = P.ToByteArray(isUnsigned: true, isBigEndian: true);
        Assert.False(Fp.TryFromBigEndian(pBytes, out _));
        Assert.False(Fp.TryFromBigEndian(new byte[47], out _));
        Assert.Throws<ArgumentException>(() => Fp.FromBigEndian(Enumerable.Repeat((byte)0xff, 48).ToArray()));
    }

    [Fact]
    public void WideReductionMatchesReference()
    {
        Gen.Byte.Array[64].Sample(bytes =>
            Assert.Equal(new BigInteger(bytes, isUnsigned: true, isBigEndian: true) % P, Fp.FromBytesWide(bytes).ToBigInteger()), iter: 300);
        var ones = Enumerable.Repeat((byte)0xff, 64).ToArray();
        Assert.Equal(new BigInteger(ones, isUnsigned: true, isBigEndian: true) % P, Fp.FromBytesWide(ones).ToBigInteger());
    }

    [Fact]
    public void SignRulesFollowTheCanonicalValue()
    {
        Assert.False(Fp.Zero.Sgn0());
        Assert.True(Fp.One.Sgn0());
        Assert.False(Fp.FromBigInteger((P - 1) / 2).IsLexicographicallyLargest());
        Assert.True(Fp.FromBigInteger((P + 1) / 2).IsLexicographicallyLargest());
        Assert.True((-Fp.One).IsLexicographicallyLargest());
        Assert.False(Fp.Zero.IsLexicographicallyLargest());
    }

    [Fact]
    public void SlidingWindowPowMatchesModPowForEveryExponentLength()
    {
        // Covers the three window sizes (1, 4 and 5 bits), zero limbs and runs of zeros and ones.
        var random = new BlsTestRandom(113);
        ulong[][] exponents =
        [
            [0], [1], [2], [0xffff_ffff], [0, 1], [ulong.MaxValue, ulong.MaxValue, ulong.MaxValue],
            [0x8000_0000_0000_0001, 0, 0, 0, 0, 0x10], FpConstants.PMinus2, FpConstants.PPlus1Over4,
        ];
        foreach (var exponent in exponents.Concat(Enumerable.Range(1, 12).Select(n => random.NextBytes(n * 8)).Select(ToLimbs)))
        {
            var a = random.NextFp();
            var e = BigIntegerLimbs.FromLimbs(exponent);
            Assert.Equal(BigInteger.ModPow(a.ToBigInteger(), e, P), a.Pow(exponent).ToBigInteger());
        }
    }

    private static ulong[] ToLimbs(byte[] bytes) =>
        Enumerable.Range(0, bytes.Length / 8).Select(i => BitConverter.ToUInt64(bytes, i * 8)).ToArray();
}
