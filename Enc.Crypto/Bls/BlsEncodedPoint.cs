namespace Enc.Crypto.Bls;

/// <summary>
/// What <see cref="BlsPublicKey"/> and <see cref="BlsSignature"/> share: an immutable, already
/// validated compressed point encoding, copied out on request, printed as hex and compared by value.
/// </summary>
public abstract class BlsEncodedPoint
{
    private protected BlsEncodedPoint(byte[] bytes) => Bytes = bytes;

    /// <summary>The encoding (owned; never handed out).</summary>
    private protected byte[] Bytes { get; }

    /// <summary>Returns a copy of the compressed encoding.</summary>
    public byte[] ToBytes() => (byte[])Bytes.Clone();

    /// <summary>The compressed encoding as lowercase hex, without prefix.</summary>
    public string ToHex() => Convert.ToHexStringLower(Bytes);

    /// <summary>Equal when both are the same kind of value with the same encoding.</summary>
    public override bool Equals(object? obj) =>
        obj is BlsEncodedPoint other && other.GetType() == GetType() && Bytes.AsSpan().SequenceEqual(other.Bytes);

    /// <inheritdoc/>
    public override int GetHashCode() => BitConverter.ToInt32(Bytes, 1);

    /// <summary>The hex encoding.</summary>
    public override string ToString() => ToHex();
}
