using Enc.Consensus.Crypto;
using Enc.Consensus.Validators;
using Enc.Grains.Receipts;

namespace Enc.Grains.Consensus.Keys;

/// <summary>
/// The validator signs with the node's own BLS key (<see cref="NodeIdentity"/>, loaded from the node's
/// key file when the silo starts), the key that also signs its receipts. Consensus signing bytes start
/// with <c>ENC-QBFT-V1</c>, so they never collide with a ledger message signed by the same key.
/// </summary>
internal sealed class NodeIdentityValidatorKeyProvider(NodeIdentity identity) : IValidatorKeyProvider
{
    private readonly IdentitySigner _signer = new(identity);

    /// <inheritdoc />
    public IConsensusSigner? SignerFor(string nodeName) =>
        string.Equals(nodeName, identity.NodeName, StringComparison.Ordinal) ? _signer : null;

    /// <inheritdoc />
    public byte[] ProofOfPossession(string nodeName) =>
        string.Equals(nodeName, identity.NodeName, StringComparison.Ordinal)
            ? identity.ProofOfPossession
            : throw new InvalidOperationException($"This silo holds the key of node {identity.NodeName}, not {nodeName}.");

    private sealed class IdentitySigner(NodeIdentity identity) : IConsensusSigner
    {
        public ValidatorKey PublicKey { get; } = new(identity.PublicKey);

        public byte[] Sign(ReadOnlySpan<byte> message) => identity.Signer.Sign(message);
    }
}
