using BenchmarkDotNet.Attributes;
using Enc.Crypto.Merkle;

namespace Enc.Benchmarks.Merkle;

/// <summary>
/// RFC 9162 Merkle primitives over a log of <see cref="LogSize"/> leaves: append (leaf hash given), tree head
/// from the compact range, tree head at an older size from stored nodes, inclusion and consistency proof
/// generation from stored nodes, and inclusion/consistency verification.
/// </summary>
[MemoryDiagnoser]
public class MerkleBenchmarks
{
    private readonly byte[] _root = new byte[MerkleHasher.HashSize];
    private InMemoryMerkleNodeStore _store = null!;
    private CompactMerkleRange _range = null!;
    private byte[] _leafHash = null!;
    private byte[][] _inclusion = null!;
    private byte[][] _consistency = null!;
    private byte[] _oldRoot = null!;
    private byte[] _headRoot = null!;
    private long _probe;

    /// <summary>Leaves in the log.</summary>
    [Params(1_000_000)]
    public int LogSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = new InMemoryMerkleNodeStore();
        _range = new CompactMerkleRange();
        Span<byte> data = stackalloc byte[8];
        _leafHash = new byte[MerkleHasher.HashSize];
        for (var i = 0; i < LogSize; i++)
        {
            BitConverter.TryWriteBytes(data, (long)i);
            MerkleHasher.LeafHash(data, _leafHash);
            _store.Append(_leafHash);
            _range.Append(_leafHash);
        }

        _headRoot = _store.Root();
        _oldRoot = _store.Root(LogSize / 3);
        _inclusion = _store.InclusionProof(LogSize / 2 + 1, LogSize);
        _consistency = _store.ConsistencyProof(LogSize / 3, LogSize);
    }

    [Benchmark(Description = "Append (compact range, leaf hash given)")]
    public long Append()
    {
        _range.Append(_leafHash);
        return _range.Size;
    }

    [Benchmark(Description = "Append + store nodes (in-memory log)")]
    public long AppendAndStore()
    {
        _store.Append(_leafHash);
        return _store.Size;
    }

    [Benchmark(Description = "Root (compact range of LogSize leaves)")]
    public byte Root()
    {
        _range.Root(_root);
        return _root[0];
    }

    [Benchmark(Description = "Root at older size (stored nodes)")]
    public byte[] RootAtSize() => _store.Root(LogSize - 12_345);

    [Benchmark(Description = "Inclusion proof generation")]
    public byte[][] InclusionProof() => _store.InclusionProof(_probe++ % LogSize, LogSize);

    [Benchmark(Description = "Consistency proof generation")]
    public byte[][] ConsistencyProof() => _store.ConsistencyProof(1 + (_probe++ % (LogSize - 1)), LogSize);

    [Benchmark(Description = "Inclusion proof verification")]
    public bool VerifyInclusion() =>
        MerkleVerifier.VerifyInclusion(LogSize / 2 + 1, LogSize, MerkleHasher.LeafHash(BitConverter.GetBytes((long)(LogSize / 2 + 1))), _inclusion, _headRoot);

    [Benchmark(Description = "Consistency proof verification")]
    public bool VerifyConsistency() => MerkleVerifier.VerifyConsistency(LogSize / 3, LogSize, _consistency, _oldRoot, _headRoot);
}
