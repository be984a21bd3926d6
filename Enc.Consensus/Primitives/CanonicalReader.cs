using System.Buffers.Binary;

namespace Enc.Consensus.Primitives;

/// <summary>
/// Reads the encoding produced by <see cref="CanonicalWriter"/>. Every read checks the remaining
/// length and throws <see cref="FormatException"/> naming the field on truncated or oversized input.
/// </summary>
public ref struct CanonicalReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _offset;

    /// <summary>Creates a reader over <paramref name="data"/>.</summary>
    public CanonicalReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _offset = 0;
    }

    /// <summary>True when every byte has been consumed.</summary>
    public readonly bool AtEnd => _offset == _data.Length;

    /// <summary>Reads one byte.</summary>
    public byte ReadByte(string field) => Take(1, field)[0];

    /// <summary>Reads a big-endian 32-bit unsigned integer.</summary>
    public uint ReadUInt32(string field) => BinaryPrimitives.ReadUInt32BigEndian(Take(4, field));

    /// <summary>Reads a big-endian 64-bit signed integer.</summary>
    public long ReadInt64(string field) => BinaryPrimitives.ReadInt64BigEndian(Take(8, field));

    /// <summary>Reads a 32-byte digest.</summary>
    public Hash256 ReadHash(string field) => Hash256.FromBytes(Take(Hash256.Length, field));

    /// <summary>Reads exactly <paramref name="count"/> raw bytes.</summary>
    public ReadOnlySpan<byte> ReadRaw(int count, string field) => Take(count, field);

    /// <summary>Reads a length-prefixed byte string of at most <paramref name="maxLength"/> bytes.</summary>
    public byte[] ReadBytes(string field, int maxLength = 1 << 24)
    {
        var length = ReadUInt32(field);
        if (length > maxLength)
        {
            throw new FormatException($"Field '{field}' declares {length} bytes; the limit is {maxLength}.");
        }

        return Take((int)length, field).ToArray();
    }

    /// <summary>Reads a length-prefixed UTF-8 string.</summary>
    public string ReadString(string field, int maxLength = 1 << 16) =>
        System.Text.Encoding.UTF8.GetString(ReadBytes(field, maxLength));

    /// <summary>Throws unless every byte was consumed.</summary>
    public readonly void EnsureEnd(string structure)
    {
        if (!AtEnd)
        {
            throw new FormatException($"{structure} has {_data.Length - _offset} trailing bytes.");
        }
    }

    private ReadOnlySpan<byte> Take(int count, string field)
    {
        if (count < 0 || _data.Length - _offset < count)
        {
            throw new FormatException($"Field '{field}' is truncated: needs {count} bytes, {_data.Length - _offset} remain.");
        }

        var slice = _data.Slice(_offset, count);
        _offset += count;
        return slice;
    }
}
