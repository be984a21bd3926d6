using Enc.Consensus.Validators;

namespace Enc.Consensus.Crypto;

/// <summary>
/// Signs consensus messages with one validator's secret key. The engine calls it for every
/// message it originates; the secret never leaves the implementation.
/// </summary>
public interface IConsensusSigner
{
    /// <summary>The validator's public key; the engine's identity in every validator set.</summary>
    ValidatorKey PublicKey { get; }

    /// <summary>Signs <paramref name="message"/> (the canonical signing bytes of a payload).</summary>
    byte[] Sign(ReadOnlySpan<byte> message);
}
