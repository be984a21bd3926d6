using System.Text.Json;

namespace Enc.Crypto.Tests.Bls;

/// <summary>Loads the shared BLS vectors (<c>../shared/vectors/bls/</c>) at test time.</summary>
internal static class BlsVectorFiles
{
    public static string Folder(string name) => Path.Combine(TestPaths.VectorsRoot, "bls", name);

    /// <summary>Every JSON file of one vector folder, as theory rows carrying the file name.</summary>
    public static TheoryData<string> CaseNames(string folder)
    {
        var names = Directory.GetFiles(Folder(folder), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var name in names)
        {
            data.Add(name!);
        }

        if (data.Count == 0)
        {
            throw new InvalidOperationException($"No vectors in {Folder(folder)}.");
        }

        return data;
    }

    public static JsonElement Load(string folder, string fileName)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder(folder), fileName)));
        return doc.RootElement.Clone();
    }

    /// <summary>Decodes hex with or without a <c>0x</c> prefix.</summary>
    public static byte[] Hex(string text) =>
        Convert.FromHexString(text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text);

    public static byte[] Hex(JsonElement element) => Hex(element.GetString()!);

    public static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
