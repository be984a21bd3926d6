using System.Security.Cryptography;

namespace Enc.Crypto.Bls.HashToCurve;

/// <summary>
/// <c>expand_message_xmd</c> with SHA-256 (RFC 9380 §5.3.1): stretches a message and a domain
/// separation tag into <c>len_in_bytes</c> uniformly random bytes.
/// </summary>
/// <remarks>
/// SHA-256 has <c>b_in_bytes = 32</c> and <c>s_in_bytes = 64</c>. A DST longer than 255 bytes is
/// first replaced by <c>SHA-256("H2C-OVERSIZE-DST-" || DST)</c> (RFC 9380 §5.3.3).
/// </remarks>
internal static class ExpandMessageXmd
{
    private const int HashBytes = 32;
    private const int BlockBytes = 64;
    private const int MaxDstBytes = 255;
    private const int MaxBlocks = 255;

    private static ReadOnlySpan<byte> OversizePrefix => "H2C-OVERSIZE-DST-"u8;

    /// <summary>Fills <paramref name="output"/> (its length is <c>len_in_bytes</c>) with the expansion of <paramref name="message"/>.</summary>
    /// <exception cref="ArgumentException">The output is longer than 255 × 32 bytes or 65535 bytes, or the DST is empty.</exception>
    public static void Expand(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst, Span<byte> output)
    {
        int blocks = (output.Length + HashBytes - 1) / HashBytes;
        if (blocks > MaxBlocks || output.Length > ushort.MaxValue)
        {
            throw new ArgumentException($"expand_message_xmd cannot produce {output.Length} bytes (at most {MaxBlocks * HashBytes}).", nameof(output));
        }

        if (dst.IsEmpty)
        {
            throw new ArgumentException("The domain separation tag must not be empty.", nameof(dst));
        }

        Span<byte> shortDst = stackalloc byte[HashBytes];
        scoped ReadOnlySpan<byte> tag = dst;
        if (dst.Length > MaxDstBytes)
        {
            using var oversize = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            oversize.AppendData(OversizePrefix);
            oversize.AppendData(dst);
            oversize.GetHashAndReset(shortDst);
            tag = shortDst;
        }

        // DST_prime = DST || I2OSP(len(DST), 1)
        Span<byte> dstPrime = stackalloc byte[tag.Length + 1];
        tag.CopyTo(dstPrime);
        dstPrime[tag.Length] = (byte)tag.Length;

        // b_0 = H(Z_pad || msg || l_i_b_str || I2OSP(0, 1) || DST_prime)
        Span<byte> b0 = stackalloc byte[HashBytes];
        using (var h0 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            Span<byte> zeroPad = stackalloc byte[BlockBytes];
            zeroPad.Clear();
            h0.AppendData(zeroPad);
            h0.AppendData(message);
            ReadOnlySpan<byte> lengthAndZero = [(byte)(output.Length >> 8), (byte)output.Length, 0];
            h0.AppendData(lengthAndZero);
            h0.AppendData(dstPrime);
            h0.GetHashAndReset(b0);
        }

        // b_1 = H(b_0 || 1 || DST_prime); b_i = H((b_0 xor b_(i-1)) || i || DST_prime)
        Span<byte> previous = stackalloc byte[HashBytes];
        Span<byte> chained = stackalloc byte[HashBytes];
        Span<byte> counter = stackalloc byte[1];
        using var hi = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (int i = 1; i <= blocks; i++)
        {
            for (int j = 0; j < HashBytes; j++)
            {
                chained[j] = (byte)(b0[j] ^ (i == 1 ? 0 : previous[j]));
            }

            counter[0] = (byte)i;
            hi.AppendData(chained);
            hi.AppendData(counter);
            hi.AppendData(dstPrime);
            hi.GetHashAndReset(previous);

            int offset = (i - 1) * HashBytes;
            int take = Math.Min(HashBytes, output.Length - offset);
            previous[..take].CopyTo(output.Slice(offset, take));
        }
    }
}
