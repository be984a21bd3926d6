using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Enc.Crypto.Bls.Curves;
using Enc.Crypto.Bls.Fields;
using Enc.Crypto.Bls.HashToCurve;

namespace Enc.Crypto.Tests.Bls;

/// <summary>
/// RFC 9380 Appendix J.10.1 (<c>BLS12381G2_XMD:SHA-256_SSWU_RO_</c>): every intermediate value
/// (u[0], u[1], Q0, Q1) and the final point P, plus the <c>hash_to_G2</c> vectors of ethereum/bls12-381-tests.
/// </summary>
public sealed class HashToG2Tests
{
    private const string RfcFolder = "hash_to_curve_rfc9380";
    private const string RfcFile = "BLS12381G2_XMD_SHA-256_SSWU_RO_.json";
    private const string EthFolder = "hash_to_G2";

    public static TheoryData<int> RfcCases()
    {
        var data = new TheoryData<int>();
        int count = BlsVectorFiles.Load(RfcFolder, RfcFile).GetProperty("vectors").GetArrayLength();
        for (int i = 0; i < count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    public static TheoryData<string> EthCases() => BlsVectorFiles.CaseNames(EthFolder);

    [Theory]
    [MemberData(nameof(RfcCases))]
    public void HashToFieldMatchesRfc(int index)
    {
        var (root, vector) = LoadRfc(index);
        HashToFieldFp2.Hash(Message(vector), Dst(root), out var u0, out var u1);

        Assert.Equal(ParseFp2(vector.GetProperty("u")[0].GetString()!), u0);
        Assert.Equal(ParseFp2(vector.GetProperty("u")[1].GetString()!), u1);
    }

    [Theory]
    [MemberData(nameof(RfcCases))]
    public void MapToCurveMatchesRfc(int index)
    {
        var (_, vector) = LoadRfc(index);
        var u0 = ParseFp2(vector.GetProperty("u")[0].GetString()!);
        var u1 = ParseFp2(vector.GetProperty("u")[1].GetString()!);

        AssertPoint(vector.GetProperty("Q0"), HashToG2.MapToCurve(u0));
        AssertPoint(vector.GetProperty("Q1"), HashToG2.MapToCurve(u1));
    }

    [Theory]
    [MemberData(nameof(RfcCases))]
    public void HashToCurveMatchesRfc(int index)
    {
        var (root, vector) = LoadRfc(index);
        AssertPoint(vector.GetProperty("P"), HashToG2.Hash(Message(vector), Dst(root)));
    }

    [Theory]
    [MemberData(nameof(EthCases))]
    public void HashToG2MatchesEthereumVectors(string file)
    {
        JsonElement vector = BlsVectorFiles.Load(EthFolder, file);
        byte[] message = Encoding.UTF8.GetBytes(vector.GetProperty("input").GetProperty("msg").GetString()!);

        var point = HashToG2.Hash(message, "QUUX-V01-CS02-with-BLS12381G2_XMD:SHA-256_SSWU_RO_"u8);

        AssertPoint(vector.GetProperty("output"), point);
    }

    [Fact]
    public void HashOutputIsInTheSubgroup()
    {
        for (int i = 0; i < 4; i++)
        {
            var point = HashToG2.Hash(BitConverter.GetBytes(i), "ENC-TEST-DST"u8).ToAffine();
            Assert.True(point.IsOnCurve);
            Assert.True(point.IsInSubgroup);
        }
    }

    private static (JsonElement Root, JsonElement Vector) LoadRfc(int index)
    {
        JsonElement root = BlsVectorFiles.Load(RfcFolder, RfcFile);
        return (root, root.GetProperty("vectors")[index]);
    }

    private static byte[] Dst(JsonElement root) => Encoding.ASCII.GetBytes(root.GetProperty("dst").GetString()!);

    private static byte[] Message(JsonElement vector) => Encoding.ASCII.GetBytes(vector.GetProperty("msg").GetString()!);

    private static void AssertPoint(JsonElement expected, G2Projective actual)
    {
        var affine = actual.ToAffine();
        Assert.Equal(ParseFp2(expected.GetProperty("x").GetString()!), affine.X);
        Assert.Equal(ParseFp2(expected.GetProperty("y").GetString()!), affine.Y);
    }

    /// <summary>Parses <c>"0x&lt;c0&gt;,0x&lt;c1&gt;"</c>.</summary>
    internal static Fp2 ParseFp2(string text)
    {
        string[] parts = text.Split(',');
        Assert.Equal(2, parts.Length);
        return new Fp2(ParseFp(parts[0]), ParseFp(parts[1]));
    }

    private static Fp ParseFp(string hex) =>
        Fp.FromBigInteger(BigInteger.Parse("0" + hex.Trim()[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}
