using System.Security.Cryptography;

namespace Enc.Crypto.Bls.Fields;

/// <content>Inversion of secret-derived values through a randomly blinded variable-time inverse.</content>
internal readonly partial struct Fp
{
    /// <summary>
    /// The multiplicative inverse (zero maps to zero) computed as r·(a·r)⁻¹ for a fresh random
    /// r ≠ 0, with the fast variable-time <see cref="InverseVariableTime"/> on the blinded value.
    /// </summary>
    /// <remarks>
    /// For a ≠ 0, a·r is uniformly distributed on F_p* whatever a is, so the running time of the
    /// variable-time step (which depends only on a·r) carries no information about a; only a = 0
    /// is distinguishable, and callers invert Z coordinates of points that are never the identity
    /// when the value is secret. r comes from <see cref="RandomNumberGenerator"/> (64 bytes reduced
    /// mod p, bias 2⁻¹²⁸). About 6× faster than the Fermat <see cref="Inverse"/> here (5.3 µs against
    /// 30.6 µs, RNG included, which is most of it; docs/benchmarks.md, session 5); used for the
    /// affine conversion in Sign, PopProve and SkToPk.
    /// </remarks>
    public Fp InverseBlinded()
    {
        Span<byte> seed = stackalloc byte[64];
        RandomNumberGenerator.Fill(seed);
        var r = FromBytesWide(seed);
        CryptographicOperations.ZeroMemory(seed);

        // r = 0 has probability about 2⁻³⁸¹; replace it by 1 without branching.
        r = ConditionalSelect(r, One, r.IsZero);
        return (this * r).InverseVariableTime() * r;
    }
}
