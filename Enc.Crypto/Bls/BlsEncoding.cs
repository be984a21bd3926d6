using Enc.Crypto.Bls.Curves;

namespace Enc.Crypto.Bls;

/// <summary>
/// The draft's <c>pubkey_to_point</c>/<c>signature_to_point</c> with their validation, and the
/// reverse encodings (ZCash compressed format: 48-byte G1, 96-byte G2).
/// </summary>
internal static class BlsEncoding
{
    /// <summary>KeyValidate: 48 bytes, a valid compressed G1 point, in the subgroup, not the identity.</summary>
    public static bool TryDecodePublicKey(ReadOnlySpan<byte> publicKey, out G1Affine point) =>
        G1Affine.TryFromCompressed(publicKey, out point) && !point.IsIdentity;

    /// <summary>
    /// signature_to_point without the subgroup check: 96 bytes, a valid compressed point of the curve
    /// (the identity included). For the verifiers of <see cref="BlsCore"/>, which check G2 membership
    /// inside the pairing.
    /// </summary>
    public static bool TryDecodeSignatureOnCurve(ReadOnlySpan<byte> signature, out G2Affine point) =>
        G2Affine.TryFromCompressedUnchecked(signature, out point);

    /// <summary>signature_to_point plus the subgroup check: 96 bytes, a valid compressed G2 point of the subgroup (the identity included).</summary>
    public static bool TryDecodeSignature(ReadOnlySpan<byte> signature, out G2Affine point) =>
        G2Affine.TryFromCompressed(signature, out point);

    /// <summary>Decodes a public key this library produced itself (known to be in the subgroup, so that check is skipped).</summary>
    public static G1Affine DecodeValidatedPublicKey(byte[] publicKey) =>
        G1Affine.TryFromCompressedUnchecked(publicKey, out var point) ? point : throw new InvalidOperationException("A public key produced by this library failed to decode.");

    /// <summary>Decodes a signature this library produced itself (known to be in the subgroup, so that check is skipped).</summary>
    public static G2Affine DecodeValidatedSignature(byte[] signature) =>
        G2Affine.TryFromCompressedUnchecked(signature, out var point) ? point : throw new InvalidOperationException("A signature produced by this library failed to decode.");

    /// <summary>The 48-byte compressed encoding of a G1 point.</summary>
    public static byte[] Encode(in G1Affine point) => point.ToCompressed();

    /// <summary>The 96-byte compressed encoding of a G2 point.</summary>
    public static byte[] Encode(in G2Affine point) => point.ToCompressed();
}
