using System.Numerics;
using Enc.Crypto.Bls.Curves;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Tests.Bls;

/// <summary>Deterministic random field elements, scalars and points for algebraic-law tests.</summary>
internal sealed class BlsTestRandom(int seed)
{
    private readonly Random _random = new(seed);

    public BigInteger NextBelow(BigInteger bound)
    {
        var bytes = new byte[bound.GetByteCount() + 16];
        _random.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true) % bound;
    }

    public Fp NextFp() => Fp.FromBigInteger(NextBelow(FpConstants.Modulus));

    public Fp2 NextFp2() => new(NextFp(), NextFp());

    public Fp6 NextFp6() => new(NextFp2(), NextFp2(), NextFp2());

    public Fp12 NextFp12() => new(NextFp6(), NextFp6());

    public BigInteger NextScalar() => NextBelow(CurveConstants.GroupOrder);

    public byte[] NextBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    public G1Projective NextG1() => G1Projective.Generator.Multiply(ScalarBytes(NextScalar()));

    public G2Projective NextG2() => G2Projective.Generator.Multiply(ScalarBytes(NextScalar()));

    public static byte[] ScalarBytes(BigInteger k)
    {
        var raw = k.ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[Math.Max(32, raw.Length)];
        raw.CopyTo(padded, padded.Length - raw.Length);
        return padded;
    }
}
