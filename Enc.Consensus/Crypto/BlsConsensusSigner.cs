using Enc.Crypto.Bls;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Crypto;

/// <summary>Signs consensus messages with a validator's BLS12-381 secret key (<see cref="Bls.Sign"/>, minimal-public-key-size ciphersuite).</summary>
public sealed class BlsConsensusSigner : IConsensusSigner
{
    private readonly BlsSecretKey _secretKey;

    /// <summary>Wraps <paramref name="secretKey"/>; the signer does not dispose it.</summary>
    public BlsConsensusSigner(BlsSecretKey secretKey)
    {
        _secretKey = secretKey ?? throw new ArgumentNullException(nameof(secretKey));
        PublicKey = new ValidatorKey(secretKey.PublicKey.ToBytes());
    }

    /// <inheritdoc />
    public ValidatorKey PublicKey { get; }

    /// <inheritdoc />
    public byte[] Sign(ReadOnlySpan<byte> message) => _secretKey.Sign(message).ToBytes();

    /// <summary>This key's proof of possession, required to add it to a validator set.</summary>
    public byte[] ProofOfPossession() => _secretKey.ProvePossession().ToBytes();
}
