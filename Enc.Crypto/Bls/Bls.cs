using System.Security.Cryptography;
using Enc.Crypto.Bls.Curves;
using Enc.Crypto.Bls.HashToCurve;

namespace Enc.Crypto.Bls;

/// <summary>
/// BLS signatures over BLS12-381 as specified by draft-irtf-cfrg-bls-signature-04, minimal-pubkey-size
/// variant with proof of possession, ciphersuite <c>BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_</c>
/// (the Ethereum consensus ciphersuite). Byte-level operations named after the draft.
/// </summary>
/// <remarks>
/// <para>Encodings: secret keys are 32-byte big-endian scalars in [1, r−1]; public keys are compressed
/// G1 points (48 bytes); signatures are compressed G2 points (96 bytes).</para>
/// <para>Verifiers (<see cref="KeyValidate"/>, <see cref="Verify"/>, <see cref="AggregateVerify"/>,
/// <see cref="FastAggregateVerify(IReadOnlyList{byte[]}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>, <see cref="PopVerify"/>, <see cref="BatchVerify"/>) never throw
/// for bad input: wrong lengths, invalid encodings, points off the curve or outside the subgroup,
/// identity public keys and empty inputs all return <see langword="false"/>. Operations that must
/// produce a value throw <see cref="BlsException"/> instead.</para>
/// <para><see cref="Sign"/>, <see cref="SkToPk"/>, <see cref="PopProve"/> and <see cref="KeyGen"/> run
/// in time independent of the secret key's value; see <c>Enc.Crypto/Bls/README.md</c>.</para>
/// </remarks>
public static class Bls
{
    /// <summary>Length of a secret key: 32 bytes.</summary>
    public const int SecretKeyLength = 32;

    /// <summary>Length of a public key (compressed G1 point): 48 bytes.</summary>
    public const int PublicKeyLength = 48;

    /// <summary>Length of a signature (compressed G2 point): 96 bytes.</summary>
    public const int SignatureLength = 96;

    /// <summary>Minimum length of KeyGen's input keying material: 32 bytes.</summary>
    public const int MinimumKeyMaterialLength = 32;

    private const int KeyGenOkmLength = 48;

    private static ReadOnlySpan<byte> KeyGenSalt => "BLS-SIG-KEYGEN-SALT-"u8;

    /// <summary>
    /// KeyGen (draft §2.3): derives a secret key from at least 32 bytes of secret keying material
    /// with HKDF-SHA-256, re-hashing the salt until the key is nonzero.
    /// </summary>
    /// <param name="ikm">Secret keying material, at least 32 bytes.</param>
    /// <param name="info">Optional key_info for deriving several keys from one IKM (default empty).</param>
    /// <returns>A 32-byte big-endian secret key.</returns>
    /// <exception cref="BlsException"><paramref name="ikm"/> is shorter than 32 bytes.</exception>
    public static byte[] KeyGen(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> info = default)
    {
        if (ikm.Length < MinimumKeyMaterialLength)
        {
            throw new BlsException(BlsErrorCode.KeyMaterialTooShort, nameof(ikm), $"KeyGen needs at least {MinimumKeyMaterialLength} bytes of keying material, got {ikm.Length}.");
        }

        // IKM || I2OSP(0, 1) and key_info || I2OSP(L, 2)
        byte[] ikmPadded = GC.AllocateArray<byte>(ikm.Length + 1, pinned: true);
        byte[] infoPadded = new byte[info.Length + 2];
        ikm.CopyTo(ikmPadded);
        info.CopyTo(infoPadded);
        infoPadded[^2] = 0;
        infoPadded[^1] = KeyGenOkmLength;

        Span<byte> salt = stackalloc byte[32];
        Span<byte> prk = stackalloc byte[32];
        Span<byte> okm = stackalloc byte[KeyGenOkmLength];
        var secretKey = new byte[SecretKeyLength];
        try
        {
            SHA256.HashData(KeyGenSalt, salt);
            while (true)
            {
                HKDF.Extract(HashAlgorithmName.SHA256, ikmPadded, salt, prk);
                HKDF.Expand(HashAlgorithmName.SHA256, prk, okm, infoPadded);
                SecretKeyScalar.ReduceWide(okm, secretKey);
                if (SecretKeyScalar.IsValid(secretKey))
                {
                    return secretKey;
                }

                // SK == 0 (probability about 2⁻²⁵⁵): salt = H(salt) and try again.
                SHA256.HashData(salt, salt);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ikmPadded);
            CryptographicOperations.ZeroMemory(prk);
            CryptographicOperations.ZeroMemory(okm);
        }
    }

    /// <summary>SkToPk: the compressed G1 public key [sk]·g1 (constant time in sk).</summary>
    /// <exception cref="BlsException">The secret key is not 32 bytes in [1, r−1].</exception>
    public static byte[] SkToPk(ReadOnlySpan<byte> secretKey)
    {
        ThrowIfInvalidSecretKey(secretKey, nameof(secretKey));
        return BlsEncoding.Encode(G1Projective.Generator.Multiply(secretKey).ToAffine());
    }

    /// <summary>KeyValidate: true when <paramref name="publicKey"/> decodes to a G1 point of the subgroup other than the identity.</summary>
    public static bool KeyValidate(ReadOnlySpan<byte> publicKey) => BlsEncoding.TryDecodePublicKey(publicKey, out _);

    /// <summary>Sign: [sk]·H(msg) with the signature DST, compressed (constant time in sk).</summary>
    /// <exception cref="BlsException">The secret key is not 32 bytes in [1, r−1].</exception>
    public static byte[] Sign(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message)
    {
        ThrowIfInvalidSecretKey(secretKey, nameof(secretKey));
        return SignWithDst(secretKey, message, BlsCiphersuite.SignatureDst);
    }

    /// <summary>Verify: true when <paramref name="signature"/> is a valid signature of <paramref name="message"/> under <paramref name="publicKey"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        BlsEncoding.TryDecodePublicKey(publicKey, out var pk)
        && BlsEncoding.TryDecodeSignatureOnCurve(signature, out var sig)
        && BlsCore.CoreVerify(pk, message, sig, BlsCiphersuite.SignatureDst);

    /// <summary>Aggregate: the compressed sum of the signatures. The identity is a legal summand.</summary>
    /// <exception cref="BlsException">The list is empty, or an entry is not a valid signature encoding (the message names its index).</exception>
    public static byte[] Aggregate(IReadOnlyList<byte[]> signatures)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        if (signatures.Count == 0)
        {
            throw new BlsException(BlsErrorCode.EmptyAggregate, nameof(signatures), "Cannot aggregate an empty list of signatures.");
        }

        var sum = G2Projective.Identity;
        for (int i = 0; i < signatures.Count; i++)
        {
            if (!BlsEncoding.TryDecodeSignature(signatures[i], out var point))
            {
                throw new BlsException(BlsErrorCode.InvalidSignature, $"{nameof(signatures)}[{i}]", "Not a valid compressed G2 signature of the subgroup.");
            }

            sum += point;
        }

        return BlsEncoding.Encode(sum.ToAffine());
    }

    /// <summary>
    /// AggregateVerify: true when <paramref name="signature"/> aggregates a signature by
    /// <c>publicKeys[i]</c> on <c>messages[i]</c> for every i. False for empty or unequal lists and for any invalid key.
    /// </summary>
    public static bool AggregateVerify(IReadOnlyList<byte[]> publicKeys, IReadOnlyList<byte[]> messages, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(publicKeys);
        ArgumentNullException.ThrowIfNull(messages);
        if (publicKeys.Count == 0 || publicKeys.Count != messages.Count
            || !TryDecodePublicKeys(publicKeys, out var points)
            || !BlsEncoding.TryDecodeSignatureOnCurve(signature, out var sig))
        {
            return false;
        }

        return BlsCore.AggregateVerify(points, AsMemory(messages), sig);
    }

    /// <summary>FastAggregateVerify: true when every key in <paramref name="publicKeys"/> signed <paramref name="message"/>. False for an empty list or any invalid key.</summary>
    public static bool FastAggregateVerify(IReadOnlyList<byte[]> publicKeys, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(publicKeys);
        return publicKeys.Count > 0
            && TryDecodePublicKeys(publicKeys, out var points)
            && BlsEncoding.TryDecodeSignatureOnCurve(signature, out var sig)
            && BlsCore.FastAggregateVerify(points, message, sig);
    }

    /// <summary>
    /// FastAggregateVerify over keys that were validated once, when they were parsed into
    /// <see cref="BlsPublicKey"/> (a consensus validator set, a ledger's node registry): skips the
    /// decompression and subgroup check of every key that the byte overload repeats on each call.
    /// False for an empty list or an invalid signature encoding.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="publicKeys"/> or one of its entries is null.</exception>
    public static bool FastAggregateVerify(IReadOnlyList<BlsPublicKey> publicKeys, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(publicKeys);
        var points = new G1Affine[publicKeys.Count];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = (publicKeys[i] ?? throw new ArgumentNullException(nameof(publicKeys), $"publicKeys[{i}] is null.")).Point;
        }

        return points.Length > 0
            && BlsEncoding.TryDecodeSignatureOnCurve(signature, out var sig)
            && BlsCore.FastAggregateVerify(points, message, sig);
    }

    /// <summary>PopProve: a proof of possession of <paramref name="secretKey"/>: [sk]·H(PK) with the POP DST (constant time in sk).</summary>
    /// <exception cref="BlsException">The secret key is not 32 bytes in [1, r−1].</exception>
    public static byte[] PopProve(ReadOnlySpan<byte> secretKey)
    {
        byte[] publicKey = SkToPk(secretKey);
        return SignWithDst(secretKey, publicKey, BlsCiphersuite.PopDst);
    }

    /// <summary>PopVerify: true when <paramref name="proof"/> proves possession of the secret key of <paramref name="publicKey"/>.</summary>
    public static bool PopVerify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> proof) =>
        BlsEncoding.TryDecodePublicKey(publicKey, out var pk)
        && BlsEncoding.TryDecodeSignatureOnCurve(proof, out var sig)
        && BlsCore.CoreVerify(pk, publicKey, sig, BlsCiphersuite.PopDst);

    /// <summary>
    /// BatchVerify: true only if every triple (<c>publicKeys[i]</c>, <c>messages[i]</c>,
    /// <c>signatures[i]</c>) verifies, checked at once with a random linear combination (fresh
    /// nonzero 64-bit weights from the OS CSPRNG) and one multi-pairing. False for empty or unequal lists.
    /// </summary>
    public static bool BatchVerify(IReadOnlyList<byte[]> publicKeys, IReadOnlyList<byte[]> messages, IReadOnlyList<byte[]> signatures)
    {
        ArgumentNullException.ThrowIfNull(publicKeys);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(signatures);
        int n = publicKeys.Count;
        if (n == 0 || messages.Count != n || signatures.Count != n || !TryDecodePublicKeys(publicKeys, out var keys))
        {
            return false;
        }

        var sigs = new G2Affine[n];
        for (int i = 0; i < n; i++)
        {
            if (!BlsEncoding.TryDecodeSignature(signatures[i], out sigs[i]))
            {
                return false;
            }
        }

        return BlsCore.BatchVerify(keys, AsMemory(messages), sigs);
    }

    /// <summary>Throws <see cref="BlsException"/> unless <paramref name="secretKey"/> is 32 bytes in [1, r−1] (checked in constant time).</summary>
    internal static void ThrowIfInvalidSecretKey(ReadOnlySpan<byte> secretKey, string paramName)
    {
        if (!SecretKeyScalar.IsValid(secretKey))
        {
            throw new BlsException(BlsErrorCode.InvalidSecretKey, paramName, "A secret key must be 32 big-endian bytes encoding an integer in [1, r-1].");
        }
    }

    private static byte[] SignWithDst(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst) =>
        BlsEncoding.Encode(HashToG2.Hash(message, dst).MultiplyInSubgroup(secretKey).ToAffine());

    private static bool TryDecodePublicKeys(IReadOnlyList<byte[]> publicKeys, out G1Affine[] points)
    {
        points = new G1Affine[publicKeys.Count];
        for (int i = 0; i < points.Length; i++)
        {
            if (publicKeys[i] is null || !BlsEncoding.TryDecodePublicKey(publicKeys[i], out points[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static ReadOnlyMemory<byte>[] AsMemory(IReadOnlyList<byte[]> messages)
    {
        var result = new ReadOnlyMemory<byte>[messages.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = messages[i] ?? throw new ArgumentNullException(nameof(messages), $"messages[{i}] is null.");
        }

        return result;
    }
}
