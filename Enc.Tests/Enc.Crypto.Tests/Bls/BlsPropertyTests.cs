using Enc.Crypto.Bls;
using BlsApi = Enc.Crypto.Bls.Bls;

namespace Enc.Crypto.Tests.Bls;

/// <summary>
/// Algebraic properties of the scheme over random keys and messages (seeded, so failures
/// reproduce; kept to a handful of iterations because every case costs several pairings).
/// </summary>
public sealed class BlsPropertyTests
{
    private const int Iterations = 4;

    [Fact]
    public void SignThenVerifyRoundTrips()
    {
        var random = new Random(20261127);
        for (int i = 0; i < Iterations; i++)
        {
            byte[] sk = RandomKey(random);
            byte[] message = RandomBytes(random, random.Next(0, 200));
            byte[] pk = BlsApi.SkToPk(sk);
            byte[] signature = BlsApi.Sign(sk, message);

            Assert.True(BlsApi.KeyValidate(pk));
            Assert.True(BlsApi.Verify(pk, message, signature), $"iteration {i}");
        }
    }

    [Fact]
    public void AFlippedBitInMessageKeyOrSignatureFails()
    {
        var random = new Random(7);
        for (int i = 0; i < Iterations; i++)
        {
            byte[] sk = RandomKey(random);
            byte[] message = RandomBytes(random, 32);
            byte[] pk = BlsApi.SkToPk(sk);
            byte[] signature = BlsApi.Sign(sk, message);

            Assert.False(BlsApi.Verify(pk, FlipBit(random, message, 0), signature), "message");
            Assert.False(BlsApi.Verify(FlipBit(random, pk, 3), message, signature), "public key");
            Assert.False(BlsApi.Verify(pk, message, FlipBit(random, signature, 3)), "signature");

            // A different secret key (one bit flipped) signs something else.
            byte[] otherSk = FlipBit(random, sk, 8);
            Assert.False(BlsApi.Verify(pk, message, BlsApi.Sign(otherSk, message)), "secret key");
        }
    }

    [Fact]
    public void AggregationIsOrderIndependent()
    {
        var random = new Random(42);
        byte[] message = RandomBytes(random, 32);
        var keys = Enumerable.Range(0, 5).Select(_ => RandomKey(random)).ToArray();
        var signatures = keys.Select(sk => BlsApi.Sign(sk, message)).ToArray();
        var publicKeys = keys.Select(sk => BlsApi.SkToPk(sk)).ToArray();

        byte[] forward = BlsApi.Aggregate(signatures);
        byte[] shuffled = BlsApi.Aggregate(signatures.OrderBy(_ => random.Next()).ToArray());
        byte[] reversed = BlsApi.Aggregate(signatures.Reverse().ToArray());

        Assert.Equal(forward, shuffled);
        Assert.Equal(forward, reversed);
        Assert.True(BlsApi.FastAggregateVerify(publicKeys, message, forward));
        Assert.True(BlsApi.FastAggregateVerify(publicKeys.Reverse().ToArray(), message, forward));
        Assert.False(BlsApi.FastAggregateVerify(publicKeys[1..], message, forward));
    }

    [Fact]
    public void AggregateVerifyAcceptsDistinctMessagesAndRejectsASwap()
    {
        var random = new Random(99);
        var keys = Enumerable.Range(0, 3).Select(_ => RandomKey(random)).ToArray();
        var messages = Enumerable.Range(0, 3).Select(i => RandomBytes(random, 16 + i)).ToArray();
        var publicKeys = keys.Select(sk => BlsApi.SkToPk(sk)).ToArray();
        byte[] aggregate = BlsApi.Aggregate(keys.Select((sk, i) => BlsApi.Sign(sk, messages[i])).ToArray());

        Assert.True(BlsApi.AggregateVerify(publicKeys, messages, aggregate));
        Assert.False(BlsApi.AggregateVerify(publicKeys, [messages[1], messages[0], messages[2]], aggregate));
        Assert.False(BlsApi.AggregateVerify(publicKeys, messages[..2], aggregate));
    }

    [Fact]
    public void BatchVerifyAcceptsValidTriplesAndRejectsOneBadSignature()
    {
        var random = new Random(5);
        var keys = Enumerable.Range(0, 4).Select(_ => RandomKey(random)).ToArray();
        var messages = Enumerable.Range(0, 4).Select(_ => RandomBytes(random, 32)).ToArray();
        var publicKeys = keys.Select(sk => BlsApi.SkToPk(sk)).ToArray();
        var signatures = keys.Select((sk, i) => BlsApi.Sign(sk, messages[i])).ToArray();

        Assert.True(BlsApi.BatchVerify(publicKeys, messages, signatures));

        var swapped = (byte[][])signatures.Clone();
        (swapped[0], swapped[1]) = (swapped[1], swapped[0]);
        Assert.False(BlsApi.BatchVerify(publicKeys, messages, swapped));
        Assert.False(BlsApi.BatchVerify([], [], []));
        Assert.False(BlsApi.BatchVerify(publicKeys, messages[..3], signatures));
    }

    [Fact]
    public void ProofOfPossessionRoundTripsAndIsBoundToTheKey()
    {
        var random = new Random(11);
        for (int i = 0; i < Iterations; i++)
        {
            byte[] sk = RandomKey(random);
            byte[] pk = BlsApi.SkToPk(sk);
            byte[] proof = BlsApi.PopProve(sk);

            Assert.True(BlsApi.PopVerify(pk, proof));
            Assert.False(BlsApi.PopVerify(BlsApi.SkToPk(RandomKey(random)), proof));

            // A proof is not a signature on the key bytes under the message DST, and vice versa.
            Assert.False(BlsApi.Verify(pk, pk, proof));
            Assert.False(BlsApi.PopVerify(pk, BlsApi.Sign(sk, pk)));
        }
    }

    internal static byte[] RandomKey(Random random) => BlsApi.KeyGen(RandomBytes(random, 32));

    internal static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] FlipBit(Random random, byte[] input, int fromByte)
    {
        var copy = (byte[])input.Clone();
        int index = random.Next(fromByte, copy.Length);
        copy[index] ^= (byte)(1 << random.Next(8));
        return copy;
    }
}
