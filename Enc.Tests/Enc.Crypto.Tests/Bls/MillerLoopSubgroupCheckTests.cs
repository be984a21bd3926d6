using System.Numerics;
using Enc.Crypto.Bls;
using Enc.Crypto.Bls.Curves;
using Enc.Crypto.Bls.HashToCurve;
using Enc.Crypto.Bls.Pairing;
using BlsPairing = Enc.Crypto.Bls.Pairing.Pairing;

namespace Enc.Crypto.Tests.Bls;

/// <summary>
/// The verifiers decide a signature's membership in G2 from the Miller loop's running point [|x|]·σ
/// instead of a separate multiplication by x. These tests hold that decision to the standalone test
/// on points of G2, points outside it, points of small order (which drive the loop's incomplete
/// addition into its exceptional cases) and points of mixed order, and check that every byte-level
/// verifier rejects a valid signature moved out of G2 by a small-order point.
/// </summary>
public sealed class MillerLoopSubgroupCheckTests
{
    private static readonly BigInteger X = -new BigInteger(CurveConstants.AbsX);

    /// <summary>The G2 cofactor h2 = (x⁸ − 4x⁷ + 5x⁶ − 4x⁴ + 6x³ − 4x² − 4x + 13)/9; #E'(F_p²) = h2·r.</summary>
    private static readonly BigInteger H2 =
        (BigInteger.Pow(X, 8) - (4 * BigInteger.Pow(X, 7)) + (5 * BigInteger.Pow(X, 6)) - (4 * BigInteger.Pow(X, 4))
         + (6 * BigInteger.Pow(X, 3)) - (4 * X * X) - (4 * X) + 13) / 9;

    private static readonly BigInteger TwistOrder = H2 * CurveConstants.GroupOrder;

    private static readonly byte[] AbsXBytes = BlsTestRandom.ScalarBytes(new BigInteger(CurveConstants.AbsX));

    [Fact]
    public void TheTwistOrderAnnihilatesCurvePointsAndItsSmallFactorsGivePointsOfThatOrder()
    {
        var point = OffSubgroupPoint(1);
        Assert.True(point.MultiplyVariableTime(BlsTestRandom.ScalarBytes(TwistOrder)).IsIdentity);
        Assert.False(point.MultiplyVariableTime(BlsTestRandom.ScalarBytes(CurveConstants.GroupOrder)).IsIdentity);
        foreach (var order in new[] { 13, 23, 2713 })
        {
            var small = SmallOrderPoint(order, 2);
            Assert.False(small.IsIdentity);
            Assert.True(small.MultiplyVariableTime((ulong)order).IsIdentity);
        }
    }

    [Fact]
    public void TheLoopsRunningPointIsExactlyAbsXTimesQOrAllZeroAfterAnExceptionalAddition()
    {
        var random = new BlsTestRandom(700);
        var sawExceptional = false;
        foreach (var q in Points(random))
        {
            var running = RunLoop(q.ToAffineVariableTime());
            if (running.X.IsZero & running.Y.IsZero & running.Z.IsZero)
            {
                sawExceptional = true;
                Assert.False(q.IsInSubgroup);
            }
            else
            {
                Assert.Equal(q.MultiplyVariableTime(AbsXBytes), running);
            }
        }

        // Points of order 13 meet the identity before the addition step of bit 57 ([104]Q = O).
        Assert.True(sawExceptional);
    }

    [Fact]
    public void MembershipFromTheMillerLoopAgreesWithTheStandaloneTest()
    {
        var random = new BlsTestRandom(701);
        var inGroup = 0;
        var outside = 0;
        foreach (var q in Points(random))
        {
            var affine = q.ToAffineVariableTime();
            var pairingHolds = BlsPairing.MultiPairingIsOne([G1Affine.Generator], [affine], out var inSubgroup);
            Assert.Equal(q.IsInSubgroup, inSubgroup);
            Assert.False(pairingHolds);
            inGroup += inSubgroup ? 1 : 0;
            outside += inSubgroup ? 0 : 1;
        }

        Assert.True(inGroup >= 4 && outside >= 10);

        // The identity does not take part in the loop: it is in G2.
        Assert.True(BlsPairing.MultiPairingIsOne([G1Affine.Generator], [G2Affine.Identity], out var identityInSubgroup));
        Assert.True(identityInSubgroup);
    }

    [Fact]
    public void TheMembershipVerdictDoesNotFollowThePairingValue()
    {
        // e(P, Q)·e(−P, Q) = 1 for any Q the loop handles without an exceptional addition, in G2 or not:
        // a product that holds for a point outside G2, which only the membership verdict refuses.
        var random = new BlsTestRandom(702);
        var outside = (random.NextG2() + SmallOrderPoint(23, 4)).ToAffineVariableTime();
        var inside = random.NextG2().ToAffineVariableTime();
        var p = random.NextG1().ToAffineVariableTime();

        Assert.True(BlsPairing.MultiPairingIsOne([p, -p], [outside, outside], out var outsideInSubgroup));
        Assert.False(outsideInSubgroup);
        Assert.True(BlsPairing.MultiPairingIsOne([p, -p], [inside, inside], out var insideInSubgroup));
        Assert.True(insideInSubgroup);
    }

    /// <summary>
    /// End to end: the byte-level verifiers refuse a valid signature plus a small-order point. (Their
    /// pairing products fail for these inputs as well; <see cref="TheMembershipVerdictDoesNotFollowThePairingValue"/>
    /// shows the verdict is decided on its own.)
    /// </summary>
    [Fact]
    public void EveryByteLevelVerifierRejectsAValidSignatureMovedOutOfG2()
    {
        var secretKey = Crypto.Bls.Bls.KeyGen(new byte[32]);
        var publicKey = Crypto.Bls.Bls.SkToPk(secretKey);
        var message = "moved out of G2"u8.ToArray();
        var signature = Crypto.Bls.Bls.Sign(secretKey, message);
        var proof = Crypto.Bls.Bls.PopProve(secretKey);
        Assert.True(Crypto.Bls.Bls.Verify(publicKey, message, signature));
        Assert.True(Crypto.Bls.Bls.PopVerify(publicKey, proof));

        foreach (var order in new[] { 13, 23 })
        {
            var torsion = SmallOrderPoint(order, 3);
            var forged = Moved(signature, torsion);
            var forgedProof = Moved(proof, torsion);

            // On the curve, outside G2: the standalone decoder refuses it, the on-curve decoder takes it.
            Assert.False(G2Affine.TryFromCompressed(forged, out _));
            Assert.True(G2Affine.TryFromCompressedUnchecked(forged, out _));

            Assert.False(Crypto.Bls.Bls.Verify(publicKey, message, forged));
            Assert.False(Crypto.Bls.Bls.FastAggregateVerify([publicKey], message, forged));
            Assert.False(Crypto.Bls.Bls.FastAggregateVerify([BlsPublicKey.FromBytes(publicKey)], message, forged));
            Assert.False(Crypto.Bls.Bls.AggregateVerify([publicKey], [message], forged));
            Assert.False(Crypto.Bls.Bls.PopVerify(publicKey, forgedProof));
        }
    }

    /// <summary>Points of G2, outside it (map-to-curve outputs), of small order, and of mixed order.</summary>
    private static IEnumerable<G2Projective> Points(BlsTestRandom random)
    {
        for (var i = 0; i < 4; i++)
        {
            yield return random.NextG2();
            yield return OffSubgroupPoint(10 + i);
        }

        foreach (var order in new[] { 13, 23, 2713 })
        {
            for (var seed = 20; seed < 22; seed++)
            {
                var small = SmallOrderPoint(order, seed);
                yield return small;
                yield return random.NextG2() + small;
            }
        }
    }

    /// <summary>The running point after the loop over |x| (the Miller loop's double-and-add chain).</summary>
    private static G2Projective RunLoop(in G2Affine q)
    {
        var t = new MillerLoopPoint(q);
        for (var bit = 62; bit >= 0; bit--)
        {
            t.Double(out _, out _, out _);
            if (((CurveConstants.AbsX >> bit) & 1) == 1)
            {
                t.Add(q, out _, out _, out _);
            }
        }

        return t.RunningPoint;
    }

    private static G2Projective OffSubgroupPoint(int seed) =>
        HashToG2.MapToCurve(HashToG2Tests.ParseFp2($"0x{seed:x},0x{seed + 7:x}"));

    /// <summary>
    /// A point of prime order ℓ: the ℓ-primary part of an off-subgroup point P ([#E'/ℓᵛ]·P, with ℓᵛ the
    /// largest power of ℓ dividing #E'), multiplied by ℓ until one more multiplication gives the identity.
    /// </summary>
    private static G2Projective SmallOrderPoint(int order, int seed)
    {
        var cofactor = TwistOrder;
        while (cofactor % order == 0)
        {
            cofactor /= order;
        }

        var point = OffSubgroupPoint(seed).MultiplyVariableTime(BlsTestRandom.ScalarBytes(cofactor));
        Assert.False(point.IsIdentity);
        while (!point.MultiplyVariableTime((ulong)order).IsIdentity)
        {
            point = point.MultiplyVariableTime((ulong)order);
        }

        return point;
    }

    private static byte[] Moved(byte[] signature, in G2Projective torsion)
    {
        Assert.True(G2Affine.TryFromCompressed(signature, out var point));
        return (G2Projective.FromAffine(point) + torsion).ToAffineVariableTime().ToCompressed();
    }
}
