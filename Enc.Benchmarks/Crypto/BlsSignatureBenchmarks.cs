using BenchmarkDotNet.Attributes;
using Enc.Crypto.Bls;
using BlsApi = Enc.Crypto.Bls.Bls;

namespace Enc.Benchmarks.Crypto;

/// <summary>
/// BLS signature operations through the byte-level facade (decoding and validation included, as a
/// caller pays them). Baseline: blst on this machine (sign 0.25 ms, verify 0.79 ms); targets
/// Sign ≤ 0.8 ms, Verify ≤ 2.4 ms. Run: <c>dotnet run -c Release --project Enc.Benchmarks -- --filter '*BlsSignatureBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class BlsSignatureBenchmarks
{
    private const int Count = 64;

    private byte[] _secretKey = [];
    private byte[] _publicKey = [];
    private byte[] _message = [];
    private byte[] _signature = [];
    private byte[][] _publicKeys = [];
    private byte[][] _messages = [];
    private byte[][] _signatures = [];
    private byte[] _sameMessageAggregate = [];
    private byte[] _distinctMessageAggregate = [];
    private BlsPublicKey[] _validatedKeys = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2026);
        var keys = new byte[Count][];
        _publicKeys = new byte[Count][];
        _messages = new byte[Count][];
        _signatures = new byte[Count][];
        var sameMessageSignatures = new byte[Count][];
        _message = NextBytes(random, 32);
        for (int i = 0; i < Count; i++)
        {
            keys[i] = BlsApi.KeyGen(NextBytes(random, 32));
            _publicKeys[i] = BlsApi.SkToPk(keys[i]);
            _messages[i] = NextBytes(random, 32);
            _signatures[i] = BlsApi.Sign(keys[i], _messages[i]);
            sameMessageSignatures[i] = BlsApi.Sign(keys[i], _message);
        }

        _secretKey = keys[0];
        _publicKey = _publicKeys[0];
        _signature = sameMessageSignatures[0];
        _sameMessageAggregate = BlsApi.Aggregate(sameMessageSignatures);
        _distinctMessageAggregate = BlsApi.Aggregate(_signatures);
        _validatedKeys = _publicKeys.Select(key => BlsPublicKey.FromBytes(key)).ToArray();
        if (!BlsApi.Verify(_publicKey, _message, _signature)
            || !BlsApi.FastAggregateVerify(_publicKeys, _message, _sameMessageAggregate)
            || !BlsApi.AggregateVerify(_publicKeys, _messages, _distinctMessageAggregate)
            || !BlsApi.BatchVerify(_publicKeys, _messages, _signatures))
        {
            throw new InvalidOperationException("Benchmark inputs do not verify.");
        }
    }

    [Benchmark]
    public byte[] Sign() => BlsApi.Sign(_secretKey, _message);

    [Benchmark]
    public bool Verify() => BlsApi.Verify(_publicKey, _message, _signature);

    [Benchmark]
    public bool FastAggregateVerify64() => BlsApi.FastAggregateVerify(_publicKeys, _message, _sameMessageAggregate);

    /// <summary>The same check over keys parsed once into <see cref="BlsPublicKey"/> (how consensus and the ledger hold validator keys).</summary>
    [Benchmark]
    public bool FastAggregateVerify64Prevalidated() => BlsApi.FastAggregateVerify(_validatedKeys, _message, _sameMessageAggregate);

    [Benchmark]
    public bool AggregateVerify64() => BlsApi.AggregateVerify(_publicKeys, _messages, _distinctMessageAggregate);

    [Benchmark]
    public bool BatchVerify64() => BlsApi.BatchVerify(_publicKeys, _messages, _signatures);

    [Benchmark]
    public object HashToG2() => Enc.Crypto.Bls.HashToCurve.HashToG2.Hash(_message, "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_"u8);

    private static byte[] NextBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
