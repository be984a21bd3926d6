using System.Numerics;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Tests.Bls;

/// <summary>
/// The written-out carry and borrow chains of F_p addition, subtraction, negation and unreduced
/// addition, and of the F_p² vector addition and subtraction, on the inputs random values almost never
/// produce: limbs that are all ones or zero (a carry or borrow rippling through every limb), values next
/// to 0 and p, and limbs equal to p's. The operations are checked on the raw limbs (addition mod p does
/// not depend on the Montgomery form) against BigInteger, the unreduced sum exactly.
/// </summary>
public sealed class CarryChainEdgeTests
{
    private static readonly BigInteger P = FpConstants.Modulus;
    private static readonly BigInteger AllOnes320 = (BigInteger.One << 320) - 1;

    /// <summary>Values below p with long runs of all-ones or zero limbs and neighbours of 0 and p.</summary>
    private static readonly BigInteger[] Edges =
    [
        0, 1, 2, P - 1, P - 2, AllOnes320, AllOnes320 + 1, AllOnes320 - 1, (BigInteger.One << 64) - 1, BigInteger.One << 64,
        P - AllOnes320, P - (BigInteger.One << 64), (P >> 1) + 1, P >> 1, ((BigInteger.One << 256) - 1) << 64,
        P - 1 - AllOnes320, (P / (BigInteger.One << 320)) << 320,
    ];

    [Fact]
    public void AdditionSubtractionAndNegationAreExactOnCarryEdges()
    {
        foreach (var x in Edges)
        {
            foreach (var y in Edges)
            {
                Fp a = Raw(x), b = Raw(y);
                Assert.Equal(x + y, Value(Fp.AddUnreduced(a, b)));
                Assert.Equal((x + y) % P, Value(a + b));
                Assert.Equal(((x - y) % P + P) % P, Value(a - b));
                Assert.Equal((P - x) % P, Value(-a));
            }
        }
    }

    [Fact]
    public void VectorAdditionAndSubtractionMatchTheScalarCoefficientsOnCarryEdges()
    {
        foreach (var x0 in Edges)
        {
            foreach (var y1 in Edges)
            {
                var x1 = Edges[(int)(x0 % Edges.Length)];
                var y0 = Edges[(int)((x0 + y1) % Edges.Length)];
                var a = new Fp2(Raw(x0), Raw(x1));
                var b = new Fp2(Raw(y0), Raw(y1));
                var sum = Fp2.VectorArithmeticSupported ? Fp2.AddVector(a, b) : a + b;
                var difference = Fp2.VectorArithmeticSupported ? Fp2.SubtractVector(a, b) : a - b;
                Assert.Equal((x0 + y0) % P, Value(sum.C0));
                Assert.Equal((x1 + y1) % P, Value(sum.C1));
                Assert.Equal(((x0 - y0) % P + P) % P, Value(difference.C0));
                Assert.Equal(((x1 - y1) % P + P) % P, Value(difference.C1));
            }
        }
    }

    private static Fp Raw(BigInteger value)
    {
        var limbs = BigIntegerLimbs.ToLimbs(value, 6);
        return new Fp(limbs[0], limbs[1], limbs[2], limbs[3], limbs[4], limbs[5]);
    }

    private static BigInteger Value(in Fp value)
    {
        BigInteger result = 0;
        foreach (var limb in new[] { value.L5, value.L4, value.L3, value.L2, value.L1, value.L0 })
        {
            result = (result << 64) | limb;
        }

        return result;
    }
}
