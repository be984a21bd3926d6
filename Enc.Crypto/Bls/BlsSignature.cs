using Enc.Crypto.Bls.Curves;

namespace Enc.Crypto.Bls;

/// <summary>
/// A validated BLS12-381 signature: a compressed G2 point (96 bytes) in the prime-order subgroup.
/// The identity is a valid encoding (it verifies nothing under a valid key).
/// </summary>
/// <remarks>Validation happens once, when the signature is built; equality compares encodings.</remarks>
public sealed class BlsSignature : BlsEncodedPoint, IEquatable<BlsSignature>
{
    private G2Affine? _point;

    private BlsSignature(byte[] bytes, G2Affine? point)
        : base(bytes)
    {
        _point = point;
    }

    /// <summary>The decoded point (decompressed on first use for signatures this library produced itself).</summary>
    internal G2Affine Point => _point ??= BlsEncoding.DecodeValidatedSignature(Bytes);

    /// <summary>Parses and validates a 96-byte compressed signature.</summary>
    /// <exception cref="BlsException">The encoding is invalid, off the curve or outside the subgroup.</exception>
    public static BlsSignature FromBytes(ReadOnlySpan<byte> signature)
    {
        if (!TryFromBytes(signature, out var parsed))
        {
            throw new BlsException(BlsErrorCode.InvalidSignature, nameof(signature), "Not a valid BLS12-381 signature (compressed G2 point of the subgroup).");
        }

        return parsed;
    }

    /// <summary>Parses and validates a signature; returns <see langword="false"/> instead of throwing.</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> signature, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BlsSignature? parsed)
    {
        if (BlsEncoding.TryDecodeSignature(signature, out var point))
        {
            parsed = new BlsSignature(signature.ToArray(), point);
            return true;
        }

        parsed = null;
        return false;
    }

    /// <summary>Parses a hex signature (with or without <c>0x</c>).</summary>
    /// <exception cref="BlsException">The text is not hex or not a valid signature.</exception>
    public static BlsSignature FromHex(string hex) => FromBytes(BlsHex.Decode(hex, nameof(hex), BlsErrorCode.InvalidSignature));

    internal static BlsSignature FromValidated(byte[] bytes) => new(bytes, null);

    internal static BlsSignature FromPoint(in G2Affine point) => new(BlsEncoding.Encode(point), point);

    /// <inheritdoc/>
    public bool Equals(BlsSignature? other) => base.Equals(other);
}
