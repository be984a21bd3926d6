using Enc.Consensus.Crypto;
using Enc.Consensus.Validators;
using Enc.Crypto.Bls;

namespace Enc.Consensus.Tests.Signatures;

/// <summary>
/// The caching BLS verifier against the plain byte-level <see cref="Bls"/> functions it replaced:
/// randomized cross-checks over valid, corrupted, swapped and malformed inputs, and the cache's edge
/// cases (a signature array changed after it was decoded, invalid keys, aggregates computed here).
/// </summary>
public sealed class BlsConsensusVerifierTests
{
    private static readonly BlsSecretKey[] Keys = Enumerable.Range(0, 5)
        .Select(i => BlsSecretKey.FromKeyMaterial(System.Text.Encoding.UTF8.GetBytes($"enc-verifier-test-key/{i}/0123456789abcdef")))
        .ToArray();

    private static ValidatorKey Key(int i) => new(Keys[i].PublicKey.ToBytes());

    private static byte[] Sign(int i, byte[] message) => Keys[i].Sign(message).ToBytes();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomizedInputs_VerifyExactlyLikeTheByteLevelFunctions(int seed)
    {
        var random = new Random(seed);
        var verifier = new BlsConsensusVerifier();
        IConsensusVerifier asInterface = verifier;
        for (var round = 0; round < 6; round++)
        {
            var message = RandomBytes(random, 1 + random.Next(64));
            var signer = random.Next(Keys.Length);
            var signature = Sign(signer, message);
            var (key, sig, msg) = Mutate(random, Key(signer), signature, message);

            var expected = Bls.Verify(key.Bytes, msg, sig);
            Assert.Equal(expected, verifier.Verify(key, msg, (ReadOnlySpan<byte>)sig));
            Assert.Equal(expected, asInterface.Verify(key, msg, sig));
            Assert.Equal(expected, asInterface.Verify(key, msg, sig)); // second time from the caches

            var signers = Enumerable.Range(0, Keys.Length).Where(_ => random.Next(2) == 0).DefaultIfEmpty(0).ToList();
            var signatures = signers.Select(s => Sign(s, message)).ToList();
            var aggregate = asInterface.Aggregate(signatures);
            Assert.Equal(Bls.Aggregate(signatures), aggregate);
            var keys = signers.Select(Key).ToList();
            var (aggKey, aggSig, aggMsg) = Mutate(random, keys[0], aggregate, message);
            keys[0] = aggKey;
            var expectedAggregate = Bls.FastAggregateVerify(keys.Select(k => k.Bytes.ToArray()).ToList(), aggMsg, aggSig);
            Assert.Equal(expectedAggregate, verifier.FastAggregateVerify(keys, aggMsg, (ReadOnlySpan<byte>)aggSig));
            Assert.Equal(expectedAggregate, asInterface.FastAggregateVerify(keys, aggMsg, aggSig));
        }
    }

    [Fact]
    public void SignatureArrayChangedAfterDecoding_IsDecodedAgain()
    {
        IConsensusVerifier verifier = new BlsConsensusVerifier();
        var first = "first message"u8.ToArray();
        var second = "second message"u8.ToArray();
        var signature = Sign(0, first);
        Assert.True(verifier.Verify(Key(0), first, signature));

        Sign(0, second).CopyTo(signature, 0);
        Assert.False(verifier.Verify(Key(0), first, signature));
        Assert.True(verifier.Verify(Key(0), second, signature));

        signature[5] ^= 0x40;
        Assert.False(verifier.Verify(Key(0), second, signature));
        Assert.Throws<ArgumentException>(() => verifier.Aggregate([signature]));
    }

    [Fact]
    public void AggregateComputedHere_ChangedAfterwards_IsCheckedAsChanged()
    {
        IConsensusVerifier verifier = new BlsConsensusVerifier();
        var message = "seal"u8.ToArray();
        var aggregate = verifier.Aggregate([Sign(0, message), Sign(1, message)]);
        Assert.True(verifier.FastAggregateVerify([Key(0), Key(1)], message, aggregate));
        Assert.False(verifier.FastAggregateVerify([Key(0), Key(2)], message, aggregate));

        Sign(0, message).CopyTo(aggregate, 0); // now only validator 0's signature
        Assert.False(verifier.FastAggregateVerify([Key(0), Key(1)], message, aggregate));
        Assert.True(verifier.FastAggregateVerify([Key(0)], message, aggregate));
    }

    [Fact]
    public void InvalidKeys_DuplicatesAndEmptyInputs_AreRejectedWithoutThrowing()
    {
        var verifier = new BlsConsensusVerifier();
        IConsensusVerifier asInterface = verifier;
        var message = "m"u8.ToArray();
        var notAPoint = new ValidatorKey(Enumerable.Repeat((byte)0xAB, Bls.PublicKeyLength).ToArray());
        var tooShort = new ValidatorKey([1, 2, 3]);
        var signature = Sign(0, message);

        Assert.False(asInterface.Verify(notAPoint, message, signature));
        Assert.False(asInterface.Verify(notAPoint, message, signature));
        Assert.False(asInterface.Verify(tooShort, message, signature));
        Assert.False(asInterface.FastAggregateVerify([Key(0), notAPoint], message, signature));
        Assert.False(asInterface.FastAggregateVerify([Key(0), Key(0)], message, asInterface.Aggregate([signature, signature])));
        Assert.False(asInterface.FastAggregateVerify([], message, signature));
        Assert.False(asInterface.Verify(Key(0), message, Array.Empty<byte>()));
        Assert.Throws<ArgumentException>(() => asInterface.Aggregate([]));
        Assert.Equal(3, verifier.CachedKeyCount); // Key(0), notAPoint and tooShort, the invalid ones remembered as invalid
    }

    [Fact]
    public void ProofOfPossession_MatchesTheByteLevelCheck()
    {
        IConsensusVerifier verifier = new BlsConsensusVerifier();
        var proof = Keys[1].ProvePossession().ToBytes();
        Assert.Equal(Bls.PopVerify(Key(1).Bytes, proof), verifier.VerifyProofOfPossession(Key(1), proof));
        Assert.True(verifier.VerifyProofOfPossession(Key(1), proof));
        Assert.False(verifier.VerifyProofOfPossession(Key(2), proof));
        Assert.False(verifier.VerifyProofOfPossession(Key(1), Sign(1, Key(1).Bytes.ToArray())));
    }

    [Fact]
    public void KeyCache_StopsGrowingAtItsCapacity_AndStillAnswers()
    {
        var cache = new BlsKeyCache();
        for (var i = 0; i < BlsKeyCache.Capacity + 10; i++)
        {
            Assert.Null(cache.Get(new ValidatorKey(BitConverter.GetBytes(i))));
        }

        Assert.Equal(BlsKeyCache.Capacity, cache.Count);
        Assert.NotNull(cache.Get(Key(3)));
        Assert.Equal(BlsKeyCache.Capacity, cache.Count);
    }

    private static (ValidatorKey Key, byte[] Signature, byte[] Message) Mutate(Random random, ValidatorKey key, byte[] signature, byte[] message)
    {
        signature = signature.ToArray();
        message = message.ToArray();
        switch (random.Next(6))
        {
            case 0:
                signature[random.Next(signature.Length)] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                message[random.Next(message.Length)] ^= 1;
                break;
            case 2:
                key = Key((Array.FindIndex(Keys, k => new ValidatorKey(k.PublicKey.ToBytes()).Equals(key)) + 1 + random.Next(Keys.Length - 1)) % Keys.Length);
                break;
            case 3:
                var bytes = key.Bytes.ToArray();
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                key = new ValidatorKey(bytes);
                break;
            default:
                break; // unchanged: must verify
        }

        return (key, signature, message);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
