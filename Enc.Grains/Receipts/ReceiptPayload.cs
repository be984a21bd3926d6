using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Enc.Grains.Receipts;

/// <summary>
/// The canonical payload of an operation: named text fields, encoded deterministically and hashed into the
/// receipt's <c>payload_hash</c> (docs/receipts.md §7). Fields are sorted by name (ordinal); each is
/// <c>uint16 name length || name || uint32 value length || value</c> in UTF-8, after the ASCII tag
/// <c>ENC/payload/v1</c> and a zero byte. A null value is encoded as an empty one.
/// </summary>
public sealed class ReceiptPayload
{
    private static readonly byte[] Tag = "ENC/payload/v1\0"u8.ToArray();
    private readonly SortedDictionary<string, string> _fields = new(StringComparer.Ordinal);

    /// <summary>A payload with the given fields.</summary>
    /// <exception cref="ArgumentException">A field name is empty or repeated.</exception>
    public static ReceiptPayload Of(params (string Name, string? Value)[] fields)
    {
        var payload = new ReceiptPayload();
        foreach (var (name, value) in fields)
        {
            payload.Add(name, value);
        }

        return payload;
    }

    /// <summary>Adds a field.</summary>
    /// <exception cref="ArgumentException">The name is empty or already present.</exception>
    public ReceiptPayload Add(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_fields.TryAdd(name, value ?? ""))
        {
            throw new ArgumentException($"payload field '{name}' appears twice", nameof(name));
        }

        return this;
    }

    /// <summary>The fields, sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Fields => _fields;

    /// <summary>The canonical encoding.</summary>
    public byte[] Encode()
    {
        using var buffer = new MemoryStream();
        buffer.Write(Tag);
        Span<byte> length = stackalloc byte[4];
        foreach (var (name, value) in _fields)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var valueBytes = Encoding.UTF8.GetBytes(value);
            if (nameBytes.Length > ushort.MaxValue)
            {
                throw new ArgumentException($"payload field name '{name[..32]}…' is longer than {ushort.MaxValue} bytes");
            }

            BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)nameBytes.Length);
            buffer.Write(length[..2]);
            buffer.Write(nameBytes);
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)valueBytes.Length);
            buffer.Write(length);
            buffer.Write(valueBytes);
        }

        return buffer.ToArray();
    }

    /// <summary>SHA-256 of <see cref="Encode"/>.</summary>
    public byte[] Hash() => SHA256.HashData(Encode());
}
