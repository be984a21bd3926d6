using Enc.Crypto.Bls;

namespace Enc.Ledger.Batches;

/// <summary>Signs ledger messages with a node's BLS secret key (ciphersuite <c>BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_</c>).</summary>
public sealed class BlsBatchSigner : IBatchSigner
{
    private readonly BlsSecretKey _secretKey;

    /// <summary>Creates a signer over <paramref name="secretKey"/> (not owned: the caller disposes it).</summary>
    public BlsBatchSigner(BlsSecretKey secretKey)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        _secretKey = secretKey;
        PublicKey = secretKey.PublicKey.ToBytes();
    }

    /// <inheritdoc />
    public byte[] PublicKey { get; }

    /// <inheritdoc />
    public byte[] Sign(ReadOnlySpan<byte> message) => _secretKey.Sign(message).ToBytes();

    /// <inheritdoc />
    public byte[] ProvePossession() => _secretKey.ProvePossession().ToBytes();
}
