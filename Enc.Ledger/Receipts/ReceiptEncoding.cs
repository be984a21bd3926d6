using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;
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
        var subjectLength = TextLength(receipt.Subject, "subject");
        var actorLength = TextLength(receipt.Actor, "actor");
        Check(receipt.Kind != ReceiptKind.Invalid, "kind", "must not be 0 (Invalid)");
        Check(receipt.Timestamp.WallMilliseconds >= 0, "timestamp", "wall milliseconds must not be negative");
        CheckLength(receipt.PayloadHash, HashSize, "payload_hash");
        CheckLength(receipt.PreviousHash, HashSize, "previous_hash");
        CheckLength(receipt.SignerPublicKey, PublicKeySize, "signer_public_key");

        var bytes = new byte[FixedSize + 2 + subjectLength + 2 + actorLength];
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
        var offset = WriteText(span, FixedSize, receipt.Subject, subjectLength);
        WriteText(span, offset, receipt.Actor, actorLength);
        return bytes;
    }

    /// <summary>Decodes a canonical encoding.</summary>
    /// <exception cref="ReceiptFormatException">The bytes are not a canonical version-1 receipt; names the first bad field.</exception>
    public static Receipt Decode(ReadOnlySpan<byte> bytes)
    {
        var layout = Validate(bytes);
        return new Receipt
        {
            Id = new Guid(bytes.Slice(7, 16), bigEndian: true),
            Kind = layout.Kind,
            Timestamp = new HybridLogicalTimestamp(BinaryPrimitives.ReadInt64BigEndian(bytes[23..]), BinaryPrimitives.ReadUInt32BigEndian(bytes[31..])),
            PayloadHash = bytes.Slice(35, HashSize).ToArray(),
            PreviousHash = bytes.Slice(67, HashSize).ToArray(),
            SignerPublicKey = bytes.Slice(99, PublicKeySize).ToArray(),
            Subject = s_strictUtf8.GetString(bytes.Slice(layout.SubjectStart, layout.SubjectLength)),
            Actor = s_strictUtf8.GetString(bytes.Slice(layout.ActorStart, layout.ActorLength)),
        };
    }

    /// <summary>
    /// Checks that <paramref name="encoding"/> is canonical exactly as <see cref="Decode"/> does and returns the
    /// fields the ledger's checks need, without copying the hashes or the key and without decoding the actor.
    /// </summary>
    /// <exception cref="ReceiptFormatException">The bytes are not a canonical version-1 receipt; names the first bad field.</exception>
    public static ReceiptFields Parse(byte[] encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        var layout = Validate(encoding);
        return new ReceiptFields(
            encoding,
            new Guid(encoding.AsSpan(7, 16), bigEndian: true),
            layout.Kind,
            s_strictUtf8.GetString(encoding, layout.SubjectStart, layout.SubjectLength));
    }

    /// <summary>
    /// The receipt hash: the RFC 9162 leaf hash of the encoding, <c>SHA-256(0x00 || encoding)</c>. It is the
    /// receipt's leaf in every Merkle tree (batch and ledger) and the link of the per-subject chain.
    /// </summary>
    public static byte[] Hash(ReadOnlySpan<byte> encoding) => MerkleHasher.LeafHash(encoding);

    /// <summary>Reads the receipt id from an encoding without decoding the rest.</summary>
    public static Guid ReadId(ReadOnlySpan<byte> encoding)
    {
        if (encoding.Length < FixedSize)
        {
            throw new ReceiptFormatException("length", $"{encoding.Length} bytes is too short");
        }

        return new Guid(encoding.Slice(7, 16), bigEndian: true);
    }

    /// <summary>The UTF-8 length of a required text field (the encoder is strict: lone surrogates are refused).</summary>
    private static int TextLength(string? text, string field)
    {
        Check(!string.IsNullOrEmpty(text), field, "is required");
        int length;
        try
        {
            length = s_strictUtf8.GetByteCount(text!);
        }
        catch (EncoderFallbackException)
        {
            throw new ReceiptFormatException(field, "is not valid Unicode");
        }

        if (length > MaxTextBytes)
        {
            throw new ReceiptFormatException(field, $"is {length} UTF-8 bytes; at most {MaxTextBytes} are allowed");
        }

        return length;
    }

    private static int WriteText(Span<byte> span, int offset, string text, int length)
    {
        BinaryPrimitives.WriteUInt16BigEndian(span[offset..], (ushort)length);
        s_strictUtf8.GetBytes(text, span.Slice(offset + 2, length));
        return offset + 2 + length;
    }

    /// <summary>Every check of the format, in field order; the first failure names its field.</summary>
    private static Layout Validate(ReadOnlySpan<byte> bytes)
    {
        // Messages are built only on failure: this runs for every receipt the ledger appends or audits.
        if (bytes.Length < FixedSize + 4)
        {
            throw new ReceiptFormatException("length", $"{bytes.Length} bytes is shorter than the minimum {FixedSize + 4}");
        }

        Check(bytes[..4].SequenceEqual(Magic), "magic", "is not ASCII 'ENCR'");
        if (bytes[4] != Version)
        {
            throw new ReceiptFormatException("version", $"{bytes[4]} is not supported (expected {Version})");
        }

        var kind = (ReceiptKind)BinaryPrimitives.ReadUInt16BigEndian(bytes[5..]);
        Check(kind != ReceiptKind.Invalid, "kind", "must not be 0 (Invalid)");
        Check(BinaryPrimitives.ReadInt64BigEndian(bytes[23..]) >= 0, "timestamp", "wall milliseconds must not be negative");
        var offset = FixedSize;
        var subjectLength = ReadText(bytes, ref offset, "subject");
        var actorLength = ReadText(bytes, ref offset, "actor");
        if (offset != bytes.Length)
        {
            throw new ReceiptFormatException("length", $"{bytes.Length - offset} trailing bytes after the actor");
        }

        return new Layout(kind, FixedSize + 2, subjectLength, FixedSize + 4 + subjectLength, actorLength);
    }

    /// <summary>Checks one length-prefixed UTF-8 field at <paramref name="offset"/>, moves past it and returns its length.</summary>
    private static int ReadText(ReadOnlySpan<byte> bytes, ref int offset, string field)
    {
        Check(bytes.Length - offset >= 2, field, "length prefix is missing");
        var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[offset..]);
        if (length is 0 or > MaxTextBytes)
        {
            throw new ReceiptFormatException(field, $"length {length} is outside 1..{MaxTextBytes}");
        }

        if (bytes.Length - offset - 2 < length)
        {
            throw new ReceiptFormatException(field, $"needs {length} bytes; only {bytes.Length - offset - 2} remain");
        }

        Check(Utf8.IsValid(bytes.Slice(offset + 2, length)), field, "is not valid UTF-8");
        offset += 2 + length;
        return length;
    }

    private static void CheckLength(byte[]? value, int expected, string field)
    {
        if (value is null || value.Length != expected)
        {
            throw new ReceiptFormatException(field, $"must be {expected} bytes; got {value?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}");
        }
    }

    private static void Check(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new ReceiptFormatException(field, message);
        }
    }

    private readonly record struct Layout(ReceiptKind Kind, int SubjectStart, int SubjectLength, int ActorStart, int ActorLength);
}
