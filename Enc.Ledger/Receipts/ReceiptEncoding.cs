using System.Buffers.Binary;
using System.Text;
using Enc.Crypto.Merkle;

namespace Enc.Ledger.Receipts;

/// <summary>
/// The one canonical binary encoding of a <see cref="Receipt"/> (version 1), specified byte by byte in
/// <c>docs/receipts.md</c>. Deterministic (one receipt, one byte string) and strict: decoding rejects anything
/// <see cref="Encode"/> would not produce.
/// </summary>
public static class ReceiptEncoding
{
    /// <summary>The format version this class writes and reads.</summary>
    public const byte Version = 1;

    /// <summary>Bytes before the variable-length fields.</summary>
    public const int FixedSize = 147;

    /// <summary>Longest subject or actor, in UTF-8 bytes.</summary>
    public const int MaxTextBytes = 1024;

    /// <summary>Length of hashes in a receipt.</summary>
    public const int HashSize = 32;

    /// <summary>Length of a compressed BLS12-381 G1 public key.</summary>
    public const int PublicKeySize = 48;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The four magic bytes, ASCII <c>ENCR</c>.</summary>
    public static ReadOnlySpan<byte> Magic => "ENCR"u8;

    /// <summary>Returns the canonical encoding of <paramref name="receipt"/>.</summary>
    /// <exception cref="ReceiptFormatException">A field is missing, too long or of the wrong size.</exception>
    public static byte[] Encode(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var subject = TextBytes(receipt.Subject, "subject");
        var actor = TextBytes(receipt.Actor, "actor");
        Check(receipt.Kind != ReceiptKind.Invalid, "kind", "must not be 0 (Invalid)");
        Check(receipt.Timestamp.WallMilliseconds >= 0, "timestamp", "wall milliseconds must not be negative");
        CheckLength(receipt.PayloadHash, HashSize, "payload_hash");
        CheckLength(receipt.PreviousHash, HashSize, "previous_hash");
        CheckLength(receipt.SignerPublicKey, PublicKeySize, "signer_public_key");

        var bytes = new byte[FixedSize + 2 + subject.Length + 2 + actor.Length];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        span[4] = Version;
        BinaryPrimitives.WriteUInt16BigEndian(span[5..], (ushort)receipt.Kind);
        receipt.Id.TryWriteBytes(span.Slice(7, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(span[23..], receipt.Timestamp.WallMilliseconds);
        BinaryPrimitives.WriteUInt32BigEndian(span[31..], receipt.Timestamp.Counter);
        receipt.PayloadHash.CopyTo(span[35..]);
        receipt.PreviousHash.CopyTo(span[67..]);
        receipt.SignerPublicKey.CopyTo(span[99..]);
        var offset = WriteText(span, FixedSize, subject);
        WriteText(span, offset, actor);
        return bytes;
    }

    /// <summary>Decodes a canonical encoding.</summary>
    /// <exception cref="ReceiptFormatException">The bytes are not a canonical version-1 receipt; names the first bad field.</exception>
    public static Receipt Decode(ReadOnlySpan<byte> bytes)
    {
        Check(bytes.Length >= FixedSize + 4, "length", $"{bytes.Length} bytes is shorter than the minimum {FixedSize + 4}");
        Check(bytes[..4].SequenceEqual(Magic), "magic", "is not ASCII 'ENCR'");
        Check(bytes[4] == Version, "version", $"{bytes[4]} is not supported (expected {Version})");
        var kind = (ReceiptKind)BinaryPrimitives.ReadUInt16BigEndian(bytes[5..]);
        Check(kind != ReceiptKind.Invalid, "kind", "must not be 0 (Invalid)");
        var wall = BinaryPrimitives.ReadInt64BigEndian(bytes[23..]);
        Check(wall >= 0, "timestamp", "wall milliseconds must not be negative");
        var offset = FixedSize;
        var subject = ReadText(bytes, ref offset, "subject");
        var actor = ReadText(bytes, ref offset, "actor");
        Check(offset == bytes.Length, "length", $"{bytes.Length - offset} trailing bytes after the actor");
        return new Receipt
        {
            Id = new Guid(bytes.Slice(7, 16), bigEndian: true),
            Kind = kind,
            Timestamp = new HybridLogicalTimestamp(wall, BinaryPrimitives.ReadUInt32BigEndian(bytes[31..])),
            PayloadHash = bytes.Slice(35, HashSize).ToArray(),
            PreviousHash = bytes.Slice(67, HashSize).ToArray(),
            SignerPublicKey = bytes.Slice(99, PublicKeySize).ToArray(),
            Subject = subject,
            Actor = actor,
        };
    }

    /// <summary>
    /// The receipt hash: the RFC 9162 leaf hash of the encoding, <c>SHA-256(0x00 || encoding)</c>. It is the
    /// receipt's leaf in every Merkle tree (batch and ledger) and the link of the per-subject chain.
    /// </summary>
    public static byte[] Hash(ReadOnlySpan<byte> encoding) => MerkleHasher.LeafHash(encoding);

    /// <summary>Reads the receipt id from an encoding without decoding the rest.</summary>
    public static Guid ReadId(ReadOnlySpan<byte> encoding)
    {
        Check(encoding.Length >= FixedSize, "length", $"{encoding.Length} bytes is too short");
        return new Guid(encoding.Slice(7, 16), bigEndian: true);
    }

    private static byte[] TextBytes(string? text, string field)
    {
        Check(!string.IsNullOrEmpty(text), field, "is required");
        byte[] bytes;
        try
        {
            bytes = s_strictUtf8.GetBytes(text!);
        }
        catch (EncoderFallbackException)
        {
            throw new ReceiptFormatException(field, "is not valid Unicode");
        }

        Check(bytes.Length <= MaxTextBytes, field, $"is {bytes.Length} UTF-8 bytes; at most {MaxTextBytes} are allowed");
        return bytes;
    }

    private static int WriteText(Span<byte> span, int offset, byte[] text)
    {
        BinaryPrimitives.WriteUInt16BigEndian(span[offset..], (ushort)text.Length);
        text.CopyTo(span[(offset + 2)..]);
        return offset + 2 + text.Length;
    }

    private static string ReadText(ReadOnlySpan<byte> bytes, ref int offset, string field)
    {
        Check(bytes.Length - offset >= 2, field, "length prefix is missing");
        var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[offset..]);
        Check(length is > 0 and <= MaxTextBytes, field, $"length {length} is outside 1..{MaxTextBytes}");
        Check(bytes.Length - offset - 2 >= length, field, $"needs {length} bytes; only {bytes.Length - offset - 2} remain");
        string text;
        try
        {
            text = s_strictUtf8.GetString(bytes.Slice(offset + 2, length));
        }
        catch (DecoderFallbackException)
        {
            throw new ReceiptFormatException(field, "is not valid UTF-8");
        }

        offset += 2 + length;
        return text;
    }

    private static void CheckLength(byte[]? value, int expected, string field) =>
        Check(value is not null && value.Length == expected, field, $"must be {expected} bytes; got {value?.Length.ToString() ?? "none"}");

    private static void Check(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new ReceiptFormatException(field, message);
        }
    }
}
