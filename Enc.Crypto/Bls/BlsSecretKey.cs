using System.Security.Cryptography;

namespace Enc.Crypto.Bls;

/// <summary>
/// A BLS12-381 secret key (a scalar in <c>[1, r-1]</c>) for the ciphersuite
/// <c>BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_</c>.
/// </summary>
/// <remarks>
/// The key lives in a pinned array (so the GC never leaves stray copies) that <see cref="Dispose"/>
/// overwrites with zeros; a disposed key throws <see cref="ObjectDisposedException"/>.
/// <see cref="ToString"/> never reveals the key. Signing uses constant-time scalar multiplication.
/// </remarks>
public sealed class BlsSecretKey : IDisposable
{
    private readonly byte[] _bytes;
    private BlsPublicKey? _publicKey;
    private bool _disposed;

    private BlsSecretKey(ReadOnlySpan<byte> validated)
    {
        _bytes = GC.AllocateArray<byte>(Bls.SecretKeyLength, pinned: true);
        validated.CopyTo(_bytes);
    }

    /// <summary>The public key (compressed G1) of this secret key, computed once.</summary>
    public BlsPublicKey PublicKey
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _publicKey ??= BlsPublicKey.FromValidated(Bls.SkToPk(_bytes));
        }
    }

    /// <summary>Generates a fresh key from 32 bytes of the operating system's CSPRNG via <see cref="Bls.KeyGen"/>.</summary>
    public static BlsSecretKey Generate()
    {
        Span<byte> ikm = stackalloc byte[32];
        RandomNumberGenerator.Fill(ikm);
        try
        {
            return FromKeyMaterial(ikm);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ikm);
        }
    }

    /// <summary>Derives a key deterministically from at least 32 bytes of secret keying material (<see cref="Bls.KeyGen"/>).</summary>
    /// <exception cref="BlsException"><paramref name="ikm"/> is shorter than 32 bytes.</exception>
    public static BlsSecretKey FromKeyMaterial(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> info = default)
    {
        byte[] sk = Bls.KeyGen(ikm, info);
        try
        {
            return new BlsSecretKey(sk);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sk);
        }
    }

    /// <summary>Wraps a 32-byte big-endian secret key (copied; the caller keeps ownership of its span).</summary>
    /// <exception cref="BlsException">The bytes are not 32 long or not in <c>[1, r-1]</c>.</exception>
    public static BlsSecretKey FromBytes(ReadOnlySpan<byte> secretKey)
    {
        Bls.ThrowIfInvalidSecretKey(secretKey, nameof(secretKey));
        return new BlsSecretKey(secretKey);
    }

    /// <summary>Loads a key written by <see cref="Save"/>.</summary>
    /// <exception cref="BlsException">The file is missing, malformed, not owner-only, or holds an invalid key.</exception>
    public static BlsSecretKey Load(string path)
    {
        byte[] raw = BlsKeyFile.Read(path);
        try
        {
            Bls.ThrowIfInvalidSecretKey(raw, nameof(path));
            return new BlsSecretKey(raw);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    /// <summary>
    /// Writes the key to <paramref name="path"/>, created atomically with owner-only permissions
    /// (mode 0600 on Unix). Refuses to replace an existing file unless <paramref name="overwrite"/>.
    /// </summary>
    public void Save(string path, bool overwrite = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        BlsKeyFile.Write(path, _bytes, overwrite);
    }

    /// <summary>Signs <paramref name="message"/> (<see cref="Bls.Sign"/>).</summary>
    public BlsSignature Sign(ReadOnlySpan<byte> message)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return BlsSignature.FromValidated(Bls.Sign(_bytes, message));
    }

    /// <summary>Proves possession of this key (<see cref="Bls.PopProve"/>).</summary>
    public BlsSignature ProvePossession()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return BlsSignature.FromValidated(Bls.PopProve(_bytes));
    }

    /// <summary>Returns a copy of the 32-byte big-endian key; the caller should zero it after use.</summary>
    public byte[] ExportBytes()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return (byte[])_bytes.Clone();
    }

    /// <summary>Zeroes the key.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_bytes);
        _disposed = true;
    }

    /// <summary>Never includes the key.</summary>
    public override string ToString() => _disposed ? "BlsSecretKey(disposed)" : "BlsSecretKey(redacted)";
}
