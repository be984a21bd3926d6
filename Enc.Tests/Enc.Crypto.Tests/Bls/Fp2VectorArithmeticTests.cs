using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Tests.Bls;

/// <summary>
/// The AVX-512 F_p² addition and subtraction (<see cref="Fp2.AddVector"/>, <see cref="Fp2.SubtractVector"/>)
/// against the scalar limb code and a BigInteger reference. Operands are built from raw limbs so
/// that every carry and borrow chain shape occurs: lanes that wrap, lanes that are all ones or equal
/// to p's limb (which pass a carry on), and chains that would cross from c0 into c1. The vector
/// methods are called directly, so they are checked on machines without AVX-512 too (where .NET
/// runs the same vector operations in software and the operators take the scalar path).
/// </summary>
public sealed class Fp2VectorArithmeticTests
{
    private static readonly BigInteger P = FpConstants.Modulus;

    private static readonly ulong[] ModulusLimbs =
        [FpConstants.P0, FpConstants.P1, FpConstants.P2, FpConstants.P3, FpConstants.P4, FpConstants.P5];

    [Fact]
    public void EveryLimbPatternMatchesScalarAndBigInteger()
    {
        var random = new Random(51);
        for (var i = 0; i < 40_000; i++)
        {
            var a = new Fp2(PatternedFp(random), PatternedFp(random));
            var b = new Fp2(PatternedFp(random), PatternedFp(random));
            AssertSumAndDifference(a, b);
        }
    }

    [Fact]
    public void EdgeSumsAndDifferencesAreCanonical()
    {
        // a + b = p, p ± 1, 2p − 2 and a − b = 0, −1, −(p − 1) in either coefficient, with the
        // other coefficient at its own edge: chains of equal-to-p and all-ones lanes.
        Fp[] edges = [Raw(0), Raw(1), Raw(P - 1), Raw(P - 2), Raw((P - 1) / 2), Raw((P + 1) / 2), Raw(P >> 64), Raw((BigInteger.One << 320) - 1)];
        foreach (var x0 in edges)
        {
            foreach (var x1 in edges)
            {
                foreach (var y0 in edges)
                {
                    foreach (var y1 in edges)
                    {
                        AssertSumAndDifference(new Fp2(x0, x1), new Fp2(y0, y1));
                    }
                }
            }
        }
    }

    [Fact]
    public void CarriesRunThroughAllOnesLanesToTheTopLimb()
    {
        // Lane 0 wraps and lanes 1–4 sum to all ones: the carry must ripple into lane 5.
        var a = Limbs(ulong.MaxValue, 5, 7, 9, 11, 0x100);
        var b = Limbs(1, ulong.MaxValue - 5, ulong.MaxValue - 7, ulong.MaxValue - 9, ulong.MaxValue - 11, 0x200);
        AssertSumAndDifference(new Fp2(a, b), new Fp2(b, a));
        AssertSumAndDifference(new Fp2(a, a), new Fp2(b, b));
    }

    [Fact]
    public void ATopLimbCarryNeverCrossesIntoTheOtherCoefficient()
    {
        // Not reachable with canonical operands (< p), but the cut must hold for any limbs: c0's top
        // limbs wrap (2³⁸⁴ − 2³²⁰ + 2³²⁰) and the carry must not reach c1, as in the scalar code.
        var wraps = new Fp2(Limbs(0, 0, 0, 0, 0, ulong.MaxValue), Fp.Zero);
        var one320 = new Fp2(Limbs(0, 0, 0, 0, 0, 1), Fp.Zero);
        Assert.Equal(new Fp2(wraps.C0 + one320.C0, wraps.C1 + one320.C1), Fp2.AddVector(wraps, one320));
        Assert.Equal(Fp.Zero, Fp2.AddVector(wraps, one320).C1);
    }

    [Fact]
    public void LimbLayoutIsTwelveContiguousWords()
    {
        // The vector code reads and writes an Fp2 as 96 contiguous bytes: c0.L0..L5, then c1.L0..L5.
        Assert.Equal(48, Unsafe.SizeOf<Fp>());
        Assert.Equal(96, Unsafe.SizeOf<Fp2>());
        var value = new Fp2(Limbs(1, 2, 3, 4, 5, 6), Limbs(7, 8, 9, 10, 11, 12));
        var words = MemoryMarshal.Cast<Fp2, ulong>(new ReadOnlySpan<Fp2>(in value));
        Assert.Equal([1UL, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], words.ToArray());
    }

    [Fact]
    public void DoubleMatchesScalar()
    {
        var random = new Random(52);
        for (var i = 0; i < 5_000; i++)
        {
            var a = new Fp2(PatternedFp(random), PatternedFp(random));
            Assert.Equal(new Fp2(a.C0 + a.C0, a.C1 + a.C1), a.Double());
        }
    }

    private static void AssertSumAndDifference(in Fp2 a, in Fp2 b)
    {
        var sum = Fp2.AddVector(a, b);
        var difference = Fp2.SubtractVector(a, b);
        Assert.Equal(new Fp2(a.C0 + b.C0, a.C1 + b.C1), sum);
        Assert.Equal(new Fp2(a.C0 - b.C0, a.C1 - b.C1), difference);
        Assert.Equal((Value(a.C0) + Value(b.C0)) % P, Value(sum.C0));
        Assert.Equal((Value(a.C1) + Value(b.C1)) % P, Value(sum.C1));
        Assert.Equal(((Value(a.C0) - Value(b.C0)) % P + P) % P, Value(difference.C0));
        Assert.Equal(((Value(a.C1) - Value(b.C1)) % P + P) % P, Value(difference.C1));
    }

    /// <summary>A canonical element whose raw limbs are drawn from values that start or pass on carries and borrows.</summary>
    private static Fp PatternedFp(Random random)
    {
        Span<ulong> limbs = stackalloc ulong[6];
        while (true)
        {
            for (var i = 0; i < 6; i++)
            {
                limbs[i] = random.Next(8) switch
                {
                    0 => 0,
                    1 => 1,
                    2 => ulong.MaxValue,
                    3 => ModulusLimbs[i],
                    4 => ModulusLimbs[i] - 1,
                    5 => ModulusLimbs[i] + 1,
                    6 => ~ModulusLimbs[i],
                    _ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63),
                };
            }

            var candidate = Limbs(limbs[0], limbs[1], limbs[2], limbs[3], limbs[4], limbs[5]);
            if (Value(candidate) < P)
            {
                return candidate;
            }
        }
    }

    private static Fp Limbs(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5) => new(l0, l1, l2, l3, l4, l5);

    private static Fp Raw(BigInteger value)
    {
        var limbs = new ulong[6];
        for (var i = 0; i < 6; i++)
        {
            limbs[i] = (ulong)((value >> (64 * i)) & ulong.MaxValue);
        }

        return Limbs(limbs[0], limbs[1], limbs[2], limbs[3], limbs[4], limbs[5]);
    }

    /// <summary>The raw (Montgomery-form) limbs as an integer: addition and subtraction act on it directly.</summary>
    private static BigInteger Value(in Fp x)
    {
        BigInteger value = 0;
        foreach (var limb in new[] { x.L5, x.L4, x.L3, x.L2, x.L1, x.L0 })
        {
            value = (value << 64) | limb;
        }

        return value;
    }
}
