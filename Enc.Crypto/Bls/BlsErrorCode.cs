namespace Enc.Crypto.Bls;

/// <summary>Why a BLS operation could not produce a value (carried by <see cref="BlsException"/>).</summary>
public enum BlsErrorCode
{
    /// <summary>Not a real reason; reserved so that a default value is never mistaken for one.</summary>
    Unspecified = 0,

    /// <summary>A secret key is not a 32-byte big-endian integer in <c>[1, r-1]</c>.</summary>
    InvalidSecretKey = 1,

    /// <summary>A public key is not a valid compressed G1 point of the prime-order subgroup, or is the identity.</summary>
    InvalidPublicKey = 2,

    /// <summary>A signature is not a valid compressed G2 point of the prime-order subgroup.</summary>
    InvalidSignature = 3,

    /// <summary>An aggregate was requested over no inputs.</summary>
    EmptyAggregate = 4,

    /// <summary>Key generation input keying material is shorter than 32 bytes.</summary>
    KeyMaterialTooShort = 5,

    /// <summary>A key file is missing, malformed or readable by others than its owner.</summary>
    InvalidKeyFile = 6,
}
