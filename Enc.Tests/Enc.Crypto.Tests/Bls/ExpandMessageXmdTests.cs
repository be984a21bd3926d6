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

    [Fact]
    public void RejectsOutputsLongerThan255Blocks()
    {
        var output = new byte[255 * 32 + 1];
        Assert.Throws<ArgumentException>(() => ExpandMessageXmd.Expand([], "DST"u8, output));
    }
}
