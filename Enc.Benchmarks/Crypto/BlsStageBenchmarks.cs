using BenchmarkDotNet.Attributes;
using Enc.Crypto.Bls;
using Enc.Crypto.Bls.Curves;
using Enc.Crypto.Bls.Fields;
using Enc.Crypto.Bls.HashToCurve;
using BlsPairing = Enc.Crypto.Bls.Pairing.Pairing;

namespace Enc.Benchmarks.Crypto;

/// <summary>
/// The stages of Sign and Verify one by one, to see where their time goes: hash_to_field, one
/// SSWU map, one 3-isogeny, cofactor clearing, the constant-time GLS multiplication, the affine
/// conversion and compression of a signature, G1/G2 decompression and the subgroup checks, and the
/// two-pair multi-pairing. Run with
/// <c>--filter '*BlsStageBenchmarks*' --job short --inProcess --thread-cpu-time</c>.
/// </summary>
/// <remarks>
/// Sign = HashToG2 + GlsScalarMul + SignatureToCompressed; Verify = G1Decompress + G1SubgroupCheck
/// + G2Decompress + G2SubgroupCheck + HashToG2 (+ affine) + the multi-pairing.
/// </remarks>
[MemoryDiagnoser]
public class BlsStageBenchmarks
{
    private static readonly byte[] Message = "stage benchmark message, 32 byte"u8.ToArray();

    private byte[] _secretKey = [];
    private byte[] _publicKey = [];
    private byte[] _signature = [];
    private Fp2 _u0;
    private Fp2 _swuX;
    private Fp2 _swuY;
    private G2Projective _mapped;
    private G2Projective _hashed;
    private G1Affine _pk;
    private G2Affine _sig;
    private G1Affine[] _g1Pair = [];
    private G2Affine[] _g2Pair = [];

    [GlobalSetup]
    public void Setup()
    {
        _secretKey = Bls.KeyGen(new byte[32]);
        _publicKey = Bls.SkToPk(_secretKey);
        _signature = Bls.Sign(_secretKey, Message);
        HashToFieldFp2.Hash(Message, BlsCiphersuite.SignatureDst, out _u0, out var u1);
        SimplifiedSwuG2.Map(_u0, out _swuX, out _swuY);
        _mapped = HashToG2.MapToCurve(_u0) + HashToG2.MapToCurve(u1);
        _hashed = HashToG2.Hash(Message, BlsCiphersuite.SignatureDst);
        var hashedAffine = _hashed.ToAffineVariableTime();
        if (!G1Affine.TryFromCompressed(_publicKey, out _pk) || !G2Affine.TryFromCompressed(_signature, out _sig))
        {
            throw new InvalidOperationException("Benchmark inputs do not decode.");
        }

        _g1Pair = [_pk, -G1Affine.Generator];
        _g2Pair = [hashedAffine, _sig];
    }

    [Benchmark]
    public ulong HashToField()
    {
        HashToFieldFp2.Hash(Message, BlsCiphersuite.SignatureDst, out var u0, out _);
        return u0.C0.L0;
    }

    [Benchmark]
    public ulong SwuMap()
    {
        SimplifiedSwuG2.Map(_u0, out var x, out _);
        return x.C0.L0;
    }

    [Benchmark]
    public bool Isogeny() => IsogenyMapG2.Map(_swuX, _swuY).IsIdentity;

    [Benchmark]
    public bool CofactorClear() => CofactorClearingG2.Clear(_mapped).IsIdentity;

    [Benchmark]
    public bool HashToG2Affine() => HashToG2.Hash(Message, BlsCiphersuite.SignatureDst).ToAffineVariableTime().IsIdentity;

    [Benchmark]
    public bool GlsScalarMul() => _hashed.MultiplyInSubgroup(_secretKey).IsIdentity;

    [Benchmark]
    public byte SignatureToCompressed() => _hashed.ToAffine().ToCompressed()[0];

    [Benchmark]
    public bool G2Decompress() => G2Affine.TryFromCompressedUnchecked(_signature, out _);

    [Benchmark]
    public bool G2SubgroupCheck() => _sig.IsInSubgroup;

    [Benchmark]
    public bool G1Decompress() => G1Affine.TryFromCompressedUnchecked(_publicKey, out _);

    [Benchmark]
    public bool G1SubgroupCheck() => _pk.IsInSubgroup;

    [Benchmark]
    public bool VerifyMultiPairing() => BlsPairing.MultiPairingIsOne(_g1Pair, _g2Pair);

    [Benchmark]
    public ulong FpPow() => _u0.C0.Pow(FpConstants.PMinus3Over4).L0;

    [Benchmark]
    public ulong Fp2Square() => _u0.Square().C0.L0;
}
