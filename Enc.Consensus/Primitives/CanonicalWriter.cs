using System.Buffers;
using System.Buffers.Binary;

namespace Enc.Consensus.Primitives;

/// <summary>
/// Writes ENC's canonical consensus encoding: fixed-width big-endian integers, length-prefixed
/// byte strings and UTF-8 strings. Every signed or hashed consensus structure is encoded with it,
/// so one value always has exactly one encoding.
/// </summary>
public sealed class CanonicalWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    /// <summary>Creates a writer with an initial capacity hint.</summary>
    public CanonicalWriter(int capacity = 256)
    {
        _buffer = new ArrayBufferWriter<byte>(Math.Max(16, capacity));
    }

    /// <summary>Bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    /// <summary>A copy of the bytes written so far.</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    /// <summary>Writes one byte.</summary>
    public CanonicalWriter WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
        return this;
    }

    /// <summary>Writes a 32-bit unsigned integer, big-endian.</summary>
    public CanonicalWriter WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
        return this;
    }

    /// <summary>Writes a 64-bit signed integer, big-endian.</summary>
    public CanonicalWriter WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
        return this;
    }

    /// <summary>Writes a digest as 32 raw bytes.</summary>
    public CanonicalWriter WriteHash(Hash256 value)
    {
        value.WriteTo(_buffer.GetSpan(Hash256.Length));
        _buffer.Advance(Hash256.Length);
        return this;
    }

    /// <summary>Writes raw bytes with no length prefix (domain tags of fixed length).</summary>
    public CanonicalWriter WriteRaw(ReadOnlySpan<byte> value)
    {
        _buffer.Write(value);
        return this;
    }

    /// <summary>Writes a 32-bit length followed by the bytes.</summary>
    public CanonicalWriter WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteUInt32((uint)value.Length);
        _buffer.Write(value);
        return this;
    }

    /// <summary>Writes a 32-bit byte length followed by the UTF-8 bytes of <paramref name="value"/>.</summary>
    public CanonicalWriter WriteString(string value)
    {
        var count = System.Text.Encoding.UTF8.GetByteCount(value);
        WriteUInt32((uint)count);
        var span = _buffer.GetSpan(count);
        System.Text.Encoding.UTF8.GetBytes(value, span);
        _buffer.Advance(count);
        return this;
    }
}
