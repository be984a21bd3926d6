using Enc.Crypto.Bls.Curves;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.HashToCurve;

/// <summary>
/// RFC 9380 <c>hash_to_curve</c> for the suite <c>BLS12381G2_XMD:SHA-256_SSWU_RO_</c>:
/// hash_to_field (two F_p² elements), map each with SSWU + 3-isogeny, add, clear the cofactor.
/// </summary>
/// <remarks>Not constant time in the message, which is public in every use here.</remarks>
internal static class HashToG2
{
    /// <summary>Hashes <paramref name="message"/> under the domain separation tag <paramref name="dst"/> to a point of G2.</summary>
    public static G2Projective Hash(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst)
    {
        HashToFieldFp2.Hash(message, dst, out var u0, out var u1);
        var q0 = MapToCurve(u0);
        var q1 = MapToCurve(u1);
        return CofactorClearingG2.Clear(q0 + q1);
    }

    /// <summary><c>map_to_curve</c>: SSWU onto E2' followed by the isogeny to E2 (not yet in G2).</summary>
    public static G2Projective MapToCurve(in Fp2 u)
    {
        SimplifiedSwuG2.Map(u, out var x, out var y);
        return IsogenyMapG2.Map(x, y);
    }
}
