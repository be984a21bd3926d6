using Enc.Consensus.Crypto;

namespace Enc.Grains.Consensus.Keys;

/// <summary>
/// Gives the validator grain its node's signing key. Only the node's own silo can answer: the key
/// never leaves it, which is why the validator grain is placed there.
/// </summary>
public interface IValidatorKeyProvider
{
    /// <summary>A signer with the key of <paramref name="nodeName"/>, or null when this silo does not hold it.</summary>
    IConsensusSigner? SignerFor(string nodeName);

    /// <summary>The proof of possession of <paramref name="nodeName"/>'s key (this silo's node only).</summary>
    byte[] ProofOfPossession(string nodeName);
}
