using Enc.Ledger.Receipts;

namespace Enc.Ledger.Tests.Receipts;

/// <summary><see cref="ReceiptEncoding.Parse"/> (the ledger's copy-free reader) cross-checked against <see cref="ReceiptEncoding.Decode"/>.</summary>
public sealed partial class ReceiptEncodingTests
{
    [Fact]
    public void ParseReadsTheSameFieldsAsDecode()
    {
        var random = new Random(11);
        for (var i = 0; i < 300; i++)
        {
            var encoding = ReceiptEncoding.Encode(RandomReceipt(random));
            AssertSameFields(ReceiptEncoding.Decode(encoding), ReceiptEncoding.Parse(encoding));
        }
    }

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void ParseRejectsNonCanonicalBytesNamingTheSameField(string description, Func<byte[], byte[]> corrupt, string field)
    {
        var encoding = corrupt(ReceiptEncoding.Encode(RandomReceipt(new Random(1))));
        var ex = Assert.Throws<ReceiptFormatException>(() => ReceiptEncoding.Parse(encoding));
        Assert.True(field == ex.Field, $"{description}: {ex.Message}");
    }

    [Fact]
    public void ParseAndDecodeAgreeOnRandomlyMutatedEncodings()
    {
        var random = new Random(12);
        var rejected = 0;
        for (var i = 0; i < 3000; i++)
        {
            var bytes = Mutate(random, ReceiptEncoding.Encode(RandomReceipt(random)));
            var decoded = Capture(() => ReceiptEncoding.Decode(bytes));
            var parsed = Capture(() => ReceiptEncoding.Parse(bytes));
            Assert.Equal(decoded.Error?.Field, parsed.Error?.Field);
            Assert.Equal(decoded.Error?.Message, parsed.Error?.Message);
            if (decoded.Error is null)
            {
                AssertSameFields(decoded.Value!, parsed.Value);
            }
            else
            {
                rejected++;
            }
        }

        Assert.InRange(rejected, 300, 2900); // the mutations reach both outcomes
    }

    private static void AssertSameFields(Receipt decoded, ReceiptFields parsed)
    {
        Assert.Equal(decoded.Id, parsed.Id);
        Assert.Equal(decoded.Kind, parsed.Kind);
        Assert.Equal(decoded.Subject, parsed.Subject);
        Assert.Equal(decoded.PreviousHash, parsed.PreviousHash.ToArray());
        Assert.Equal(decoded.SignerPublicKey, parsed.SignerPublicKey.ToArray());
    }

    /// <summary>One random change: a byte set at random (often inside a length prefix or a UTF-8 field), a cut, or extra bytes.</summary>
    private static byte[] Mutate(Random random, byte[] bytes) => random.Next(4) switch
    {
        0 => Set(bytes, random.Next(bytes.Length), (byte)random.Next(256)),
        1 => Set(bytes, ReceiptEncoding.FixedSize + random.Next(bytes.Length - ReceiptEncoding.FixedSize), (byte)random.Next(0x80, 0x100)),
        2 => bytes[..random.Next(bytes.Length)],
        _ => [.. bytes, .. Bytes(random, random.Next(1, 4))],
    };

    private static (T? Value, ReceiptFormatException? Error) Capture<T>(Func<T> read)
    {
        try
        {
            return (read(), null);
        }
        catch (ReceiptFormatException ex)
        {
            return (default, ex);
        }
    }
}
