using System.Text.Json;
using Enc.Crypto.Bls;
using BlsApi = Enc.Crypto.Bls.Bls;

namespace Enc.Crypto.Tests.Bls;

/// <summary>
/// Every signature-scheme vector of ethereum/bls12-381-tests v0.1.2 (<c>../shared/vectors/bls/</c>),
/// run through the byte-level facade. <c>output: null</c> means the operation must throw
/// <see cref="BlsException"/>.
/// </summary>
public sealed class BlsVectorTests
{
    public static TheoryData<string> Sign() => BlsVectorFiles.CaseNames("sign");

    public static TheoryData<string> Verify() => BlsVectorFiles.CaseNames("verify");

    public static TheoryData<string> Aggregate() => BlsVectorFiles.CaseNames("aggregate");

    public static TheoryData<string> FastAggregateVerify() => BlsVectorFiles.CaseNames("fast_aggregate_verify");

    public static TheoryData<string> AggregateVerify() => BlsVectorFiles.CaseNames("aggregate_verify");

    public static TheoryData<string> BatchVerify() => BlsVectorFiles.CaseNames("batch_verify");

    [Theory]
    [MemberData(nameof(Sign))]
    public void SignMatchesVector(string file)
    {
        JsonElement vector = BlsVectorFiles.Load("sign", file);
        byte[] sk = BlsVectorFiles.Hex(vector.GetProperty("input").GetProperty("privkey"));
        byte[] message = BlsVectorFiles.Hex(vector.GetProperty("input").GetProperty("message"));
        JsonElement output = vector.GetProperty("output");

        if (output.ValueKind == JsonValueKind.Null)
        {
            var error = Assert.Throws<BlsException>(() => BlsApi.Sign(sk, message));
            Assert.Equal(BlsErrorCode.InvalidSecretKey, error.Code);
            return;
        }

        byte[] signature = BlsApi.Sign(sk, message);
        Assert.Equal(BlsVectorFiles.ToHex(BlsVectorFiles.Hex(output)), BlsVectorFiles.ToHex(signature));
        Assert.True(BlsApi.Verify(BlsApi.SkToPk(sk), message, signature));
    }

    [Theory]
    [MemberData(nameof(Verify))]
    public void VerifyMatchesVector(string file)
    {
        JsonElement vector = BlsVectorFiles.Load("verify", file);
        JsonElement input = vector.GetProperty("input");

        bool valid = BlsApi.Verify(
            BlsVectorFiles.Hex(input.GetProperty("pubkey")),
            BlsVectorFiles.Hex(input.GetProperty("message")),
            BlsVectorFiles.Hex(input.GetProperty("signature")));

        Assert.Equal(vector.GetProperty("output").GetBoolean(), valid);
    }

    [Theory]
    [MemberData(nameof(Aggregate))]
    public void AggregateMatchesVector(string file)
    {
        JsonElement vector = BlsVectorFiles.Load("aggregate", file);
        byte[][] signatures = HexList(vector.GetProperty("input"));
        JsonElement output = vector.GetProperty("output");

        if (output.ValueKind == JsonValueKind.Null)
        {
            var error = Assert.Throws<BlsException>(() => BlsApi.Aggregate(signatures));
            Assert.Equal(BlsErrorCode.EmptyAggregate, error.Code);
            return;
        }

        Assert.Equal(BlsVectorFiles.ToHex(BlsVectorFiles.Hex(output)), BlsVectorFiles.ToHex(BlsApi.Aggregate(signatures)));
    }

    [Theory]
    [MemberData(nameof(FastAggregateVerify))]
    public void FastAggregateVerifyMatchesVector(string file)
    {
        JsonElement vector = BlsVectorFiles.Load("fast_aggregate_verify", file);
        JsonElement input = vector.GetProperty("input");

        var publicKeys = HexList(input.GetProperty("pubkeys"));
        var message = BlsVectorFiles.Hex(input.GetProperty("message"));
        var signature = BlsVectorFiles.Hex(input.GetProperty("signature"));
        bool expected = vector.GetProperty("output").GetBoolean();

        Assert.Equal(expected, BlsApi.FastAggregateVerify(publicKeys, message, signature));

        // The overload over pre-validated keys agrees whenever every key parses; a key that does
        // not parse can only belong to a vector whose answer is false.
        var parsed = new List<BlsPublicKey>();
        foreach (var key in publicKeys)
        {
            if (!BlsPublicKey.TryFromBytes(key, out var publicKey))
            {
                Assert.False(expected);
                return;
            }

            parsed.Add(publicKey);
        }

        Assert.Equal(expected, BlsApi.FastAggregateVerify(parsed, message, signature));
    }

    [Theory]
    [MemberData(nameof(AggregateVerify))]
    public void AggregateVerifyMatchesVector(string file)
    {
        JsonElement vector = BlsVectorFiles.Load("aggregate_verify", file);
        JsonElement input = vector.GetProperty("input");

        bool valid = BlsApi.AggregateVerify(
            HexList(input.GetProperty("pubkeys")),
            HexList(input.GetProperty("messages")),
            BlsVectorFiles.Hex(input.GetProperty("signature")));

        Assert.Equal(vector.GetProperty("output").GetBoolean(), valid);
    }

    [Theory]
    [MemberData(nameof(BatchVerify))]
    public void BatchVerifyMatchesVector(string file)
    {
        JsonElement vector = BlsVectorFiles.Load("batch_verify", file);
        JsonElement input = vector.GetProperty("input");
        bool expected = vector.GetProperty("output").GetBoolean();

        // The weights are random: repeat so a forgery that slips through by luck would show up.
        for (int attempt = 0; attempt < 3; attempt++)
        {
            bool valid = BlsApi.BatchVerify(
                HexList(input.GetProperty("pubkeys")),
                HexList(input.GetProperty("messages")),
                HexList(input.GetProperty("signatures")));
            Assert.Equal(expected, valid);
        }
    }

    private static byte[][] HexList(JsonElement array) => array.EnumerateArray().Select(BlsVectorFiles.Hex).ToArray();
}
