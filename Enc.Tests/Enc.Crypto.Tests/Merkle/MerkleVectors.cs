using System.Text.Json;

namespace Enc.Crypto.Tests.Merkle;

/// <summary>Loads <c>../shared/vectors/merkle/rfc6962.json</c> (transparency-dev/merkle test data) at test time.</summary>
internal sealed class MerkleVectors
{
    private static readonly Lazy<MerkleVectors> s_instance = new(Load);

    public static MerkleVectors Instance => s_instance.Value;

    public required byte[][] Leaves { get; init; }

    public required byte[][] RootsBySize { get; init; }

    public required InclusionVector[] Inclusion { get; init; }

    public required ConsistencyVector[] Consistency { get; init; }

    private static MerkleVectors Load()
    {
        var path = Path.Combine(TestPaths.VectorsRoot, "merkle", "rfc6962.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        return new MerkleVectors
        {
            Leaves = HexArray(root.GetProperty("leaves")),
            RootsBySize = HexArray(root.GetProperty("roots_by_size")),
            Inclusion = [.. root.GetProperty("inclusion").EnumerateArray().Select(e => new InclusionVector(
                e.GetProperty("leaf_index").GetInt64(), e.GetProperty("tree_size").GetInt64(), HexArray(e.GetProperty("proof"))))],
            Consistency = [.. root.GetProperty("consistency").EnumerateArray().Select(e => new ConsistencyVector(
                e.GetProperty("size1").GetInt64(), e.GetProperty("size2").GetInt64(), HexArray(e.GetProperty("proof"))))],
        };
    }

    private static byte[][] HexArray(JsonElement array) => [.. array.EnumerateArray().Select(e => Convert.FromHexString(e.GetString()!))];
}

/// <summary>One inclusion known answer.</summary>
internal sealed record InclusionVector(long LeafIndex, long TreeSize, byte[][] Proof)
{
    public override string ToString() => $"leaf {LeafIndex} of {TreeSize}";
}

/// <summary>One consistency known answer.</summary>
internal sealed record ConsistencyVector(long Size1, long Size2, byte[][] Proof)
{
    public override string ToString() => $"{Size1} -> {Size2}";
}
