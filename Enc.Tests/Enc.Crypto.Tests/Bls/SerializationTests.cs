using System.Text.Json;
using Enc.Crypto.Bls.Curves;

namespace Enc.Crypto.Tests.Bls;

/// <summary>
/// Compressed point encoding: round trips, and every file of the Ethereum deserialization vectors
/// (<c>../shared/vectors/bls/deserialization_G1/</c> and <c>deserialization_G2/</c>) loaded at test time.
/// </summary>
public sealed class SerializationTests
{
    public static TheoryData<string> G1Files() => VectorFiles("deserialization_G1");

    public static TheoryData<string> G2Files() => VectorFiles("deserialization_G2");

    [Theory]
    [MemberData(nameof(G1Files))]
    public void G1DeserializationVector(string file)
    {
        var (input, expected) = Load(file, "pubkey");
        Assert.Equal(expected, G1Affine.TryFromCompressed(input, out var point));
        if (expected)
        {
            Assert.Equal(input, point.ToCompressed());
        }
    }

    [Theory]
    [MemberData(nameof(G2Files))]
    public void G2DeserializationVector(string file)
    {
        var (input, expected) = Load(file, "signature");
        Assert.Equal(expected, G2Affine.TryFromCompressed(input, out var point));
        if (expected)
        {
            Assert.Equal(input, point.ToCompressed());
        }
    }

    [Fact]
    public void VectorFoldersAreNotEmpty()
    {
        Assert.True(G1Files().Count >= 10);
        Assert.True(G2Files().Count >= 10);
    }

    [Fact]
    public void RandomPointsRoundTrip()
    {
        var random = new BlsTestRandom(50);
        for (var i = 0; i < 10; i++)
        {
            var p = random.NextG1().ToAffine();
            var q = random.NextG2().ToAffine();
            Assert.True(G1Affine.TryFromCompressed(p.ToCompressed(), out var p2));
            Assert.True(G2Affine.TryFromCompressed(q.ToCompressed(), out var q2));
            Assert.Equal(p, p2);
            Assert.Equal(q, q2);
            Assert.True(G1Affine.TryFromCompressed((-p).ToCompressed(), out var minusP));
            Assert.Equal(-p, minusP);
            Assert.NotEqual(p.ToCompressed()[0] & 0x20, (-p).ToCompressed()[0] & 0x20);
        }

        Assert.True(G1Affine.TryFromCompressed(G1Affine.Identity.ToCompressed(), out var i1) && i1.IsIdentity);
        Assert.True(G2Affine.TryFromCompressed(G2Affine.Identity.ToCompressed(), out var i2) && i2.IsIdentity);
        Assert.Equal(0xc0, G1Affine.Identity.ToCompressed()[0]);
    }

    [Fact]
    public void GeneratorEncodingsAreTheWellKnownOnes()
    {
        Assert.StartsWith("97f1d3a73197d794", Convert.ToHexStringLower(G1Affine.Generator.ToCompressed()));
        Assert.StartsWith("93e02b6052719f60", Convert.ToHexStringLower(G2Affine.Generator.ToCompressed()));
    }

    [Fact]
    public void UncheckedDecodingAcceptsCurvePointsOutsideTheSubgroup()
    {
        // x = 0 gives y² = 4 on the G1 curve: (0, ±2) has order 3, so it is on the curve but not in G1.
        var encoded = new byte[48];
        encoded[0] = 0x80;
        Assert.True(G1Affine.TryFromCompressedUnchecked(encoded, out var point));
        Assert.True(point.IsOnCurve);
        Assert.False(G1Affine.TryFromCompressed(encoded, out _));
    }

    private static TheoryData<string> VectorFiles(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(TestPaths.VectorsRoot, "bls", folder), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.Combine(folder, Path.GetFileName(path)));
        }

        return data;
    }

    private static (byte[] Input, bool Expected) Load(string file, string field)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.VectorsRoot, "bls", file)));
        var hex = doc.RootElement.GetProperty("input").GetProperty(field).GetString()!;
        hex = hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex;
        return (Convert.FromHexString(hex), doc.RootElement.GetProperty("output").GetBoolean());
    }
}
