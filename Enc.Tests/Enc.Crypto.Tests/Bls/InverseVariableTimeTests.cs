using System.Numerics;
using Enc.Crypto.Bls.Curves;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Tests.Bls;

/// <summary>
/// The variable-time (Bernstein–Yang divstep) inversion against the constant-time Fermat
/// inversion and an extended-Euclid BigInteger reference, on random and edge values, across the
/// tower and for affine conversion.
/// </summary>
/// <remarks>
/// The algorithm runs on the raw Montgomery limbs aR, not on the canonical value a, so edge
/// patterns are exercised both ways: as canonical values (through <see cref="Fp.FromBigInteger"/>)
/// and as raw limbs (the expected raw result for raw input x is R²·x⁻¹ mod p).
/// </remarks>
public sealed class InverseVariableTimeTests
{
    private static readonly BigInteger P = FpConstants.Modulus;
    private static readonly BigInteger R2 = FpConstants.R2;

    public static TheoryData<string, string> EdgeValues => new()
    {
        { "one", "1" },
        { "two", "2" },
        { "three", "3" },
        { "p - 1", (P - 1).ToString() },
        { "p - 2", (P - 2).ToString() },
        { "(p - 1) / 2", ((P - 1) / 2).ToString() },
        { "(p + 1) / 2", ((P + 1) / 2).ToString() },
        { "2^380", (BigInteger.One << 380).ToString() },
        { "2^381 mod p", ((BigInteger.One << 381) % P).ToString() },
        { "2^64 - 1", ulong.MaxValue.ToString() },
        { "2^64", (BigInteger.One << 64).ToString() },
        { "2^380 - 1", ((BigInteger.One << 380) - 1).ToString() },
        { "2^380 + 1", ((BigInteger.One << 380) + 1).ToString() },
        { "R mod p (raw limbs of R²)", FpConstants.R.ToString() },
        { "R^-1 mod p (raw limbs 1)", ExtendedEuclidInverse(FpConstants.R).ToString() },
    };

    [Theory]
    [MemberData(nameof(EdgeValues))]
    public void FpInverseOfEdgeValuesMatchesBothReferences(string name, string decimalValue)
    {
        var value = BigInteger.Parse(decimalValue);
        var a = Fp.FromBigInteger(value);
        var inverse = a.InverseVariableTime();
        Assert.True(ExtendedEuclidInverse(value) == inverse.ToBigInteger(), name);
        Assert.Equal(a.Inverse(), inverse);
        Assert.True((a * inverse).IsOne, name);
    }

    [Fact]
    public void ZeroMapsToZero() => Assert.True(Fp.Zero.InverseVariableTime().IsZero);

    [Fact]
    public void PowersOfTwoAndTheirNeighboursInvert()
    {
        for (var k = 0; k < 384; k++)
        {
            var power = BigInteger.One << k;
            foreach (var x in new[] { power - 1, power, power + 1, P - power })
            {
                CheckCanonical(x);
                CheckRaw(x);
            }
        }
    }

    [Fact]
    public void SmallValuesAndValuesWithSmallInversesInvert()
    {
        for (var k = 1; k <= 300; k++)
        {
            CheckCanonical(k);
            CheckCanonical(P - k);
            CheckCanonical(ExtendedEuclidInverse(k));
            CheckRaw(k);
            CheckRaw(P - k);

            // Raw limbs whose raw result is exactly k.
            var raw = R2 * ExtendedEuclidInverse(k) % P;
            Assert.Equal(new BigInteger(k), RawValue(FromRaw(raw).InverseVariableTime()));
        }
    }

    [Fact]
    public void ValuesWithLongRunsOfEqualBitsInvert()
    {
        var random = new Random(503);
        for (var i = 0; i < 1000; i++)
        {
            var x = RunsOfBits(random) % P;
            CheckCanonical(x);
            CheckRaw(x);
        }
    }

    [Fact]
    public void RandomValuesMatchFermatAndExtendedEuclid()
    {
        var random = new BlsTestRandom(500);
        for (var i = 0; i < 3000; i++)
        {
            var x = random.NextBelow(P);
            var a = Fp.FromBigInteger(x);
            var inverse = a.InverseVariableTime();
            Assert.Equal(a.Inverse(), inverse);
            Assert.Equal(ExtendedEuclidInverse(x), inverse.ToBigInteger());
            Assert.True((a * inverse).IsOne);
        }
    }

    [Fact]
    public void RandomRawLimbsMatchTheMontgomeryContract()
    {
        var random = new BlsTestRandom(504);
        for (var i = 0; i < 1000; i++)
        {
            CheckRaw(random.NextBelow(P));
        }
    }

    [Fact]
    public void TowerInversesMatchTheConstantTimeOnes()
    {
        var random = new BlsTestRandom(501);
        for (var i = 0; i < 10; i++)
        {
            var a2 = random.NextFp2();
            var a6 = random.NextFp6();
            var a12 = random.NextFp12();
            Assert.Equal(a2.Inverse(), a2.InverseVariableTime());
            Assert.Equal(a6.Inverse(), a6.InverseVariableTime());
            Assert.Equal(a12.Inverse(), a12.InverseVariableTime());
            Assert.Equal(Fp12.One, a12 * a12.InverseVariableTime());
        }
    }

    [Fact]
    public void AffineConversionsAgree()
    {
        var random = new BlsTestRandom(502);
        for (var i = 0; i < 5; i++)
        {
            var g1 = random.NextG1();
            var g2 = random.NextG2();
            Assert.Equal(g1.ToAffine(), g1.ToAffineVariableTime());
            Assert.Equal(g2.ToAffine(), g2.ToAffineVariableTime());
        }

        Assert.True(G1Projective.Identity.ToAffineVariableTime().IsIdentity);
        Assert.True(G2Projective.Identity.ToAffineVariableTime().IsIdentity);

        // The blinded inversion of ToAffine maps Z = 0 to 0 like the other two.
        Assert.True(G1Projective.Identity.ToAffine().IsIdentity);
        Assert.True(G2Projective.Identity.ToAffine().IsIdentity);
    }

    private static void CheckCanonical(BigInteger x)
    {
        x = ((x % P) + P) % P;
        if (x.IsZero)
        {
            return;
        }

        var a = Fp.FromBigInteger(x);
        var inverse = a.InverseVariableTime();
        Assert.True(ExtendedEuclidInverse(x) == inverse.ToBigInteger(), $"inverse of {x}");
        Assert.True((a * inverse).IsOne, $"a·a⁻¹ for {x}");
    }

    /// <summary>Raw limbs x (the element x·R⁻¹) must invert to the raw limbs R²·x⁻¹ mod p.</summary>
    private static void CheckRaw(BigInteger x)
    {
        x = ((x % P) + P) % P;
        if (x.IsZero)
        {
            return;
        }

        var inverse = FromRaw(x).InverseVariableTime();
        Assert.True(R2 * ExtendedEuclidInverse(x) % P == RawValue(inverse), $"raw inverse of {x}");
    }

    private static Fp FromRaw(BigInteger x)
    {
        var l = BigIntegerLimbs.ToLimbs(x, 6);
        return new Fp(l[0], l[1], l[2], l[3], l[4], l[5]);
    }

    private static BigInteger RawValue(Fp a) => BigIntegerLimbs.FromLimbs([a.L0, a.L1, a.L2, a.L3, a.L4, a.L5]);

    /// <summary>A 381-bit value made of alternating runs of ones and zeros of random lengths 1–120.</summary>
    private static BigInteger RunsOfBits(Random random)
    {
        var value = BigInteger.Zero;
        var bits = 0;
        var one = random.Next(2) == 1;
        while (bits < 381)
        {
            var run = Math.Min(random.Next(1, 121), 381 - bits);
            value <<= run;
            if (one)
            {
                value |= (BigInteger.One << run) - 1;
            }

            bits += run;
            one = !one;
        }

        return value;
    }

    /// <summary>The inverse mod p by the extended Euclidean algorithm (an independent reference).</summary>
    private static BigInteger ExtendedEuclidInverse(BigInteger a)
    {
        BigInteger oldR = ((a % P) + P) % P, r = P, oldS = 1, s = 0;
        while (!r.IsZero)
        {
            var quotient = BigInteger.DivRem(oldR, r, out var remainder);
            (oldR, r) = (r, remainder);
            (oldS, s) = (s, oldS - (quotient * s));
        }

        Assert.Equal(BigInteger.One, oldR);
        return ((oldS % P) + P) % P;
    }
}
