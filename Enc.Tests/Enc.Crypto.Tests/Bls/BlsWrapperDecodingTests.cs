using System.Text.Json;
using Enc.Crypto.Bls;
using BlsApi = Enc.Crypto.Bls.Bls;

namespace Enc.Crypto.Tests.Bls;

/// <summary>
/// The deserialization vectors seen through the signature layer: <see cref="BlsSignature.TryFromBytes"/>
/// must agree with <c>deserialization_G2</c> exactly; <see cref="BlsPublicKey.TryFromBytes"/> and
/// <see cref="BlsApi.KeyValidate"/> must agree with <c>deserialization_G1</c> except that the
/// identity, which decodes, is not a valid public key.
/// </summary>
public sealed class BlsWrapperDecodingTests
{
    public static TheoryData<string> G1() => BlsVectorFiles.CaseNames("deserialization_G1");

    public static TheoryData<string> G2() => BlsVectorFiles.CaseNames("deserialization_G2");

    [Theory]
    [MemberData(nameof(G2))]
    public void SignatureParsingMatchesG2Vectors(string file)
    {
        JsonElement vector = BlsVectorFiles.Load("deserialization_G2", file);
        byte[] encoded = BlsVectorFiles.Hex(vector.GetProperty("input").GetProperty("signature"));
        bool expected = vector.GetProperty("output").GetBoolean();

        Assert.Equal(expected, BlsSignature.TryFromBytes(encoded, out var parsed));
        if (expected)
        {
            Assert.Equal(encoded, parsed!.ToBytes());
        }
        else
        {
            Assert.Equal(BlsErrorCode.InvalidSignature, Assert.Throws<BlsException>(() => BlsApi.Aggregate([encoded])).Code);
        }
    }

    [Theory]
    [MemberData(nameof(G1))]
    public void PublicKeyParsingMatchesG1VectorsExceptForTheIdentity(string file)
    {
        JsonElement vector = BlsVectorFiles.Load("deserialization_G1", file);
        byte[] encoded = BlsVectorFiles.Hex(vector.GetProperty("input").GetProperty("pubkey"));
        bool decodes = vector.GetProperty("output").GetBoolean();
        bool isIdentity = encoded.Length == BlsApi.PublicKeyLength && (encoded[0] & 0x40) != 0;
        bool expected = decodes && !isIdentity;

        Assert.Equal(expected, BlsPublicKey.TryFromBytes(encoded, out _));
        Assert.Equal(expected, BlsApi.KeyValidate(encoded));
    }
}
