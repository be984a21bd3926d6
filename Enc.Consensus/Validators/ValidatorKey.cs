namespace Enc.Consensus.Validators;

/// <summary>
/// A validator's public key bytes (for BLS12-381 in minimal-public-key form, the 48-byte compressed
/// G1 point). Keys compare by their bytes, which fixes the canonical order of a validator set and
/// therefore the bit positions of a commit certificate's signer bitmap.
/// </summary>
public sealed class ValidatorKey : IEquatable<ValidatorKey>, IComparable<ValidatorKey>
{
    private readonly byte[] _bytes;
    private readonly int _hashCode;

    /// <summary>Wraps a copy of <paramref name="publicKey"/>.</summary>
    /// <exception cref="ArgumentException">The key is empty.</exception>
    public ValidatorKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.IsEmpty)
        {
            throw new ArgumentException("A validator public key must not be empty.", nameof(publicKey));
        }

        _bytes = publicKey.ToArray();
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        _hashCode = hash.ToHashCode();
    }

    /// <summary>The public key bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The public key bytes as a read-only memory (for APIs taking memory).</summary>
    public ReadOnlyMemory<byte> Memory => _bytes;

    /// <summary>Parses a hexadecimal public key.</summary>
    public static ValidatorKey FromHex(string hex) => new(Convert.FromHexString(hex));

    /// <summary>Lower-case hexadecimal form.</summary>
    public string ToHex() => Convert.ToHexStringLower(_bytes);

    /// <summary>A short prefix of the hexadecimal form for logs.</summary>
    public override string ToString() => ToHex()[..Math.Min(12, _bytes.Length * 2)];

    /// <inheritdoc />
    public bool Equals(ValidatorKey? other) =>
        other is not null && (ReferenceEquals(this, other) || (_hashCode == other._hashCode && _bytes.AsSpan().SequenceEqual(other._bytes)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValidatorKey);

    /// <inheritdoc />
    public override int GetHashCode() => _hashCode;

    /// <inheritdoc />
    public int CompareTo(ValidatorKey? other) => other is null ? 1 : _bytes.AsSpan().SequenceCompareTo(other._bytes);
}
