namespace Enc.Crypto.Bls;

/// <summary>Domain separation tags of the ciphersuite ENC uses (draft-irtf-cfrg-bls-signature, proof-of-possession scheme).</summary>
public static class BlsCiphersuite
{
    /// <summary>The signature ciphersuite ID: <c>BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_</c>.</summary>
    public const string SignatureId = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";

    /// <summary>The proof-of-possession tag: <c>BLS_POP_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_</c>.</summary>
    public const string PopId = "BLS_POP_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";

    /// <summary>DST for hashing messages to G2.</summary>
    internal static ReadOnlySpan<byte> SignatureDst => "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_"u8;

    /// <summary>DST for hashing public keys to G2 in proofs of possession.</summary>
    internal static ReadOnlySpan<byte> PopDst => "BLS_POP_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_"u8;
}
