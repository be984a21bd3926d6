using System.Buffers;
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

    /// <summary>Messages up to this size (with the padding and DST) are hashed from a stack buffer; longer ones from a pooled array.</summary>
    private const int MaxStackBytes = 1024;

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

        // b_0 = H(Z_pad || msg || l_i_b_str || I2OSP(0, 1) || DST_prime), DST_prime = DST || I2OSP(len(DST), 1).
        // One-shot SHA-256 over a buffer (on the stack for short messages): no hash object per call.
        var b0Length = BlockBytes + message.Length + 3 + tag.Length + 1;
        byte[]? rented = b0Length > MaxStackBytes ? ArrayPool<byte>.Shared.Rent(b0Length) : null;
        try
        {
            var b0Input = rented is null ? stackalloc byte[b0Length] : rented.AsSpan(0, b0Length);
            b0Input[..BlockBytes].Clear();
            message.CopyTo(b0Input[BlockBytes..]);
            var rest = b0Input[(BlockBytes + message.Length)..];
            rest[0] = (byte)(output.Length >> 8);
            rest[1] = (byte)output.Length;
            rest[2] = 0;
            WriteDstPrime(tag, rest[3..]);
            Span<byte> b0 = stackalloc byte[HashBytes];
            SHA256.HashData(b0Input, b0);

            // b_1 = H(b_0 || 1 || DST_prime); b_i = H((b_0 xor b_(i-1)) || i || DST_prime)
            Span<byte> blockInput = stackalloc byte[HashBytes + 1 + tag.Length + 1];
            WriteDstPrime(tag, blockInput[(HashBytes + 1)..]);
            Span<byte> previous = stackalloc byte[HashBytes];
            for (int i = 1; i <= blocks; i++)
            {
                for (int j = 0; j < HashBytes; j++)
                {
                    blockInput[j] = (byte)(b0[j] ^ (i == 1 ? 0 : previous[j]));
                }

                blockInput[HashBytes] = (byte)i;
                SHA256.HashData(blockInput, previous);

                int offset = (i - 1) * HashBytes;
                int take = Math.Min(HashBytes, output.Length - offset);
                previous[..take].CopyTo(output.Slice(offset, take));
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes DST_prime = DST || I2OSP(len(DST), 1) to the start of <paramref name="destination"/>.</summary>
    private static void WriteDstPrime(ReadOnlySpan<byte> tag, Span<byte> destination)
    {
        tag.CopyTo(destination);
        destination[tag.Length] = (byte)tag.Length;
    }
}
