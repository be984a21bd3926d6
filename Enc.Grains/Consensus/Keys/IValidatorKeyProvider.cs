using Enc.Crypto.Bls;

namespace Enc.Grains.Consensus.Keys;

/// <summary>
/// Gives the validator grain its node's BLS secret key. Only the node's own silo can answer: the key
/// never leaves it, which is why the validator grain is placed there.
/// </summary>
public interface IValidatorKeyProvider
{
    /// <summary>The secret key of <paramref name="nodeName"/>, or null when this silo does not hold it.</summary>
    BlsSecretKey? KeyFor(string nodeName);
}
