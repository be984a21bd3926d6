using BenchmarkDotNet.Attributes;
using Enc.Crypto.Bls.Curves;
using Enc.Crypto.Bls.Fields;
using BlsApi = Enc.Crypto.Bls.Bls;
using BlsPairing = Enc.Crypto.Bls.Pairing.Pairing;

namespace Enc.Benchmarks.Crypto;

/// <summary>TEMPORARY same-run A/B: Kaliski (old) against Bernstein–Yang (new) variable-time inversion.</summary>
[MemoryDiagnoser]
[WarmupCount(4)]
[IterationCount(12)]
public class InverseAbBenchmarks
{
    private static readonly byte[] Scalar = Convert.FromHexString("4ebd9b2b5b0b5d0f3f5b4c1d2e3f405162738495a6b7c8d9eafb0c1d2e3f4051");

    private Fp _fpA;
    private G1Affine _p;
    private G2Affine _q;
    private byte[] _secretKey = [];
    private byte[] _publicKey = [];
    private byte[] _message = [];
    private byte[] _signature = [];

    [Params(true, false)]
    public bool Kaliski { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Fp.UseKaliskiForComparison = Kaliski;
        _fpA = Fp.FromUInt64(0x1234567890abcdef).Pow([0xfedcba9876543211]);
        _p = G1Projective.Generator.Multiply(Scalar).ToAffine();
        _q = G2Projective.Generator.Multiply(Scalar).ToAffine();
        var random = new Random(2026);
        var ikm = new byte[32];
        random.NextBytes(ikm);
        _secretKey = BlsApi.KeyGen(ikm);
        _publicKey = BlsApi.SkToPk(_secretKey);
        _message = new byte[32];
        random.NextBytes(_message);
        _signature = BlsApi.Sign(_secretKey, _message);
        if (!BlsApi.Verify(_publicKey, _message, _signature))
        {
            throw new InvalidOperationException("Benchmark inputs do not verify.");
        }
    }

    [Benchmark]
    public ulong FpInverseVariableTime() => _fpA.InverseVariableTime().L0;

    [Benchmark]
    public bool Pairing() => BlsPairing.Pair(_p, _q).IsOne;

    [Benchmark]
    public bool Verify() => BlsApi.Verify(_publicKey, _message, _signature);

    [Benchmark]
    public byte[] Sign() => BlsApi.Sign(_secretKey, _message);
}
