using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.HashToCurve;

/// <summary>
/// RFC 9380 §5.2 <c>hash_to_field</c> for F_p² with <c>expand_message_xmd</c>/SHA-256:
/// m = 2, L = 64, count = 2 (the random-oracle construction needs two field elements).
/// </summary>
internal static class HashToFieldFp2
{
    /// <summary>Bytes per base-field element: ceil((ceil(log2 p) + k) / 8) with k = 128.</summary>
    public const int L = 64;

    private const int Extension = 2;
    private const int Count = 2;

    /// <summary>Hashes <paramref name="message"/> under <paramref name="dst"/> to two elements of F_p².</summary>
    public static void Hash(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst, out Fp2 u0, out Fp2 u1)
    {
        Span<byte> uniform = stackalloc byte[Count * Extension * L];
        ExpandMessageXmd.Expand(message, dst, uniform);

        // e_j of u_i is OS2IP(uniform[L·(j + i·m) .. +L]) mod p.
        u0 = new Fp2(Fp.FromBytesWide(uniform[..L]), Fp.FromBytesWide(uniform.Slice(L, L)));
        u1 = new Fp2(Fp.FromBytesWide(uniform.Slice(2 * L, L)), Fp.FromBytesWide(uniform.Slice(3 * L, L)));
    }
}
