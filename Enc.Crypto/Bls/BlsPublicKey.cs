using Enc.Crypto.Bls.Curves;

namespace Enc.Crypto.Bls;

/// <summary>
/// A validated BLS12-381 public key: a compressed G1 point (48 bytes) in the prime-order subgroup,
/// not the identity (the draft's <c>KeyValidate</c>).
/// </summary>
/// <remarks>
/// Validation happens once, when the key is built, and the decoded point is kept, so verifying
/// with a typed key skips decompression and the subgroup check. Equality compares encodings.
/// Keys should come with a proof of possession (<see cref="VerifyPossession"/>) before their
/// signatures are aggregated: this ciphersuite's aggregate verification relies on it.
/// </remarks>
public sealed class BlsPublicKey : BlsEncodedPoint, IEquatable<BlsPublicKey>
{
    private G1Affine? _point;

    private BlsPublicKey(byte[] bytes, G1Affine? point)
        : base(bytes)
    {
        _point = point;
    }

    /// <summary>The decoded point (decompressed on first use for keys this library produced itself).</summary>
    internal G1Affine Point => _point ??= BlsEncoding.DecodeValidatedPublicKey(Bytes);

    /// <summary>Parses and validates a 48-byte compressed public key.</summary>
    /// <exception cref="BlsException">The encoding is invalid, off the curve, outside the subgroup, or the identity.</exception>
    public static BlsPublicKey FromBytes(ReadOnlySpan<byte> publicKey)
    {
        if (!TryFromBytes(publicKey, out var key))
        {
            throw new BlsException(BlsErrorCode.InvalidPublicKey, nameof(publicKey), "Not a valid BLS12-381 public key (KeyValidate failed).");
        }

        return key;
    }

    /// <summary>Parses and validates a public key; returns <see langword="false"/> instead of throwing.</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> publicKey, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BlsPublicKey? key)
    {
        if (BlsEncoding.TryDecodePublicKey(publicKey, out var point))
        {
            key = new BlsPublicKey(publicKey.ToArray(), point);
            return true;
        }

        key = null;
        return false;
    }

    /// <summary>Parses a hex public key (with or without <c>0x</c>).</summary>
    /// <exception cref="BlsException">The text is not hex or not a valid key.</exception>
    public static BlsPublicKey FromHex(string hex) => FromBytes(BlsHex.Decode(hex, nameof(hex), BlsErrorCode.InvalidPublicKey));

    internal static BlsPublicKey FromValidated(byte[] bytes) => new(bytes, null);

    internal static BlsPublicKey FromPoint(in G1Affine point) => new(BlsEncoding.Encode(point), point);

    /// <summary>Verifies <paramref name="signature"/> on <paramref name="message"/> under this key.</summary>
    public bool Verify(ReadOnlySpan<byte> message, BlsSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return BlsCore.CoreVerify(Point, message, signature.Point, BlsCiphersuite.SignatureDst);
    }

    /// <summary>Checks a proof of possession of this key's secret (<see cref="Bls.PopVerify"/>).</summary>
    public bool VerifyPossession(BlsSignature proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return BlsCore.CoreVerify(Point, Bytes, proof.Point, BlsCiphersuite.PopDst);
    }

    /// <inheritdoc/>
    public bool Equals(BlsPublicKey? other) => base.Equals(other);
}
