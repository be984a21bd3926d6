using BenchmarkDotNet.Attributes;
using Enc.Crypto.Bls.Curves;
using Enc.Crypto.Bls.Fields;
using BlsPairing = Enc.Crypto.Bls.Pairing.Pairing;

namespace Enc.Benchmarks.Crypto;

/// <summary>
/// The BLS12-381 arithmetic core: field multiplication, pairing, multi-pairing, G2 decompression
/// with the subgroup check, and constant-time scalar multiplication.
/// Run: <c>dotnet run -c Release --project Enc.Benchmarks -- --filter '*BlsCoreBenchmarks*'</c>.
/// </summary>
/// <remarks>Results are reduced to a public value (a limb, a flag) because the arithmetic types are internal.</remarks>
[MemoryDiagnoser]
public class BlsCoreBenchmarks
{
    private static readonly byte[] Scalar = Convert.FromHexString("4ebd9b2b5b0b5d0f3f5b4c1d2e3f405162738495a6b7c8d9eafb0c1d2e3f4051");

    private Fp _fpA;
    private Fp _fpB;
    private Fp12 _fp12A;
    private Fp12 _fp12B;
    private Fp12 _fp12Cyclotomic;
    private G1Affine _p;
    private G2Affine _q;
    private G1Affine[] _ps = [];
    private G2Affine[] _qs = [];
    private byte[] _compressedG2 = [];

    [GlobalSetup]
    public void Setup()
    {
        _fpA = Fp.FromUInt64(0x1234567890abcdef).Pow([0xfedcba9876543211]);
        _fpB = _fpA.Square() + Fp.One;
        _p = G1Projective.Generator.Multiply(Scalar).ToAffine();
        _q = G2Projective.Generator.Multiply(Scalar).ToAffine();
        _fp12A = BlsPairing.MillerLoop(_p, _q);
        _fp12B = _fp12A.Square();
        _fp12Cyclotomic = BlsPairing.FinalExponentiation(_fp12A);
        _ps = [_p, -_p];
        _qs = [_q, _q];
        _compressedG2 = _q.ToCompressed();
    }

    [Benchmark]
    public ulong FpMul() => (_fpA * _fpB).L0;

    [Benchmark]
    public ulong FpSquare() => _fpA.Square().L0;

    [Benchmark]
    public ulong Fp2Mul() => (new Fp2(_fpA, _fpB) * new Fp2(_fpB, _fpA)).C0.L0;

    /// <summary>Four independent F_p² additions through the operator (AVX-512 vectors on this machine).</summary>
    [Benchmark]
    public ulong Fp2AddFour()
    {
        var a = new Fp2(_fpA, _fpB);
        var b = new Fp2(_fpB, _fpA);
        return (a + b).C0.L0 ^ (b + a).C1.L0 ^ (a + a).C0.L1 ^ (b + b).C1.L1;
    }

    /// <summary>The same four additions with the scalar limb code (what the operator runs without AVX-512).</summary>
    [Benchmark]
    public ulong Fp2AddFourScalar()
    {
        var a = new Fp2(_fpA, _fpB);
        var b = new Fp2(_fpB, _fpA);
        return ScalarSum(a, b).C0.L0 ^ ScalarSum(b, a).C1.L0 ^ ScalarSum(a, a).C0.L1 ^ ScalarSum(b, b).C1.L1;
    }

    [Benchmark]
    public ulong FpInverse() => _fpA.Inverse().L0;

    [Benchmark]
    public ulong FpInverseBlinded() => _fpA.InverseBlinded().L0;

    [Benchmark]
    public ulong FpInverseVariableTime() => _fpA.InverseVariableTime().L0;

    [Benchmark]
    public bool Fp12Mul() => (_fp12A * _fp12B).IsOne;

    [Benchmark]
    public bool Pairing() => BlsPairing.Pair(_p, _q).IsOne;

    [Benchmark]
    public bool PairingMillerLoop() => BlsPairing.MillerLoop(_p, _q).IsOne;

    [Benchmark]
    public bool PairingFinalExponentiation() => BlsPairing.FinalExponentiation(_fp12A).IsOne;

    [Benchmark]
    public bool Fp12Square() => _fp12A.Square().IsOne;

    [Benchmark]
    public bool Fp12CyclotomicExpByX() => _fp12Cyclotomic.CyclotomicExpByX().IsOne;

    [Benchmark]
    public bool MultiPairingOfTwo() => BlsPairing.MultiPairingIsOne(_ps, _qs);

    [Benchmark]
    public bool G2DecompressWithSubgroupCheck() => G2Affine.TryFromCompressed(_compressedG2, out _);

    /// <summary>SkToPk's path: the constant-time fixed-window multiplication in G1.</summary>
    [Benchmark]
    public bool G1ScalarMulConstantTime() => G1Projective.Generator.Multiply(Scalar).IsIdentity;

    /// <summary>Sign's and PopProve's path: the constant-time GLS multiplication (ψ decomposition) in G2.</summary>
    [Benchmark]
    public bool G2ScalarMulConstantTime() => G2Projective.Generator.MultiplyInSubgroup(Scalar).IsIdentity;

    private static Fp2 ScalarSum(in Fp2 a, in Fp2 b) => new(a.C0 + b.C0, a.C1 + b.C1);
}
