using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Enc.Crypto.Bls.HashToCurve;

namespace Enc.Crypto.Tests.Bls;

/// <summary>RFC 9380 Appendix K.1 vectors for <c>expand_message_xmd</c> with SHA-256, including the long-DST rule.</summary>
public sealed class ExpandMessageXmdTests
{
    private const string Folder = "hash_to_curve_rfc9380";

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in new[] { "expand_message_xmd_SHA256_38.json", "expand_message_xmd_SHA256_256.json" })
        {
            int count = BlsVectorFiles.Load(Folder, file).GetProperty("tests").GetArrayLength();
            for (int i = 0; i < count; i++)
            {
                data.Add(file, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExpandsToTheKnownAnswer(string file, int index)
    {
        JsonElement root = BlsVectorFiles.Load(Folder, file);
        JsonElement test = root.GetProperty("tests")[index];
        byte[] dst = Encoding.ASCII.GetBytes(root.GetProperty("DST").GetString()!);
        byte[] msg = Encoding.ASCII.GetBytes(test.GetProperty("msg").GetString()!);
        int length = Convert.ToInt32(test.GetProperty("len_in_bytes").GetString()!, 16);

        var output = new byte[length];
        ExpandMessageXmd.Expand(msg, dst, output);

        Assert.Equal(test.GetProperty("uniform_bytes").GetString(), BlsVectorFiles.ToHex(output));
    }

    /// <summary>
    /// Messages whose padded input is just below, at and above the size hashed from the stack (1,024 bytes), and far above
    /// it (hashed from a pooled array), (with this 38-byte DST, 918 message bytes fill exactly 1,024), with a short and an oversized DST, against the RFC's definition written out
    /// with an incremental hash.
    /// </summary>
    [Theory]
    [InlineData(0, 38)]
    [InlineData(917, 38)]
    [InlineData(918, 38)]
    [InlineData(919, 38)]
    [InlineData(10_000, 38)]
    [InlineData(700, 300)]
    [InlineData(5_000, 300)]
    public void LongMessagesMatchTheRfcDefinition(int messageLength, int dstLength)
    {
        var random = new Random(messageLength + dstLength);
        var message = new byte[messageLength];
        var dst = new byte[dstLength];
        random.NextBytes(message);
        random.NextBytes(dst);
        foreach (var length in new[] { 32, 256 })
        {
            var output = new byte[length];
            ExpandMessageXmd.Expand(message, dst, output);
            Assert.Equal(ReferenceExpand(message, dst, length), output);
        }
    }

    [Fact]
    public void RejectsOutputsLongerThan255Blocks()
    {
        var output = new byte[255 * 32 + 1];
        Assert.Throws<ArgumentException>(() => ExpandMessageXmd.Expand([], "DST"u8, output));
    }

    /// <summary>RFC 9380 §5.3.1 and §5.3.3, step by step.</summary>
    private static byte[] ReferenceExpand(byte[] message, byte[] dst, int length)
    {
        if (dst.Length > 255)
        {
            dst = SHA256.HashData([.. "H2C-OVERSIZE-DST-"u8.ToArray(), .. dst]);
        }

        byte[] dstPrime = [.. dst, (byte)dst.Length];
        var b0 = SHA256.HashData([.. new byte[64], .. message, (byte)(length >> 8), (byte)length, 0, .. dstPrime]);
        var output = new List<byte>();
        var previous = SHA256.HashData([.. b0, 1, .. dstPrime]);
        output.AddRange(previous);
        for (var i = 2; output.Count < length; i++)
        {
            var chained = b0.Zip(previous, (x, y) => (byte)(x ^ y)).ToArray();
            previous = SHA256.HashData([.. chained, (byte)i, .. dstPrime]);
            output.AddRange(previous);
        }

        return output.Take(length).ToArray();
    }
}
