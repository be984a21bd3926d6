using Enc.Crypto.Bls;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Crypto;

/// <summary>
/// The production <see cref="IConsensusVerifier"/>: BLS12-381 signatures (Enc.Crypto's IETF BLS
/// signature implementation, proof-of-possession scheme). FastAggregateVerify is sound here
/// because validators are admitted only with a verified proof of possession, which defeats
/// rogue-key attacks on same-message aggregates.
/// </summary>
public sealed class BlsConsensusVerifier : IConsensusVerifier
{
    /// <summary>The shared instance (stateless, thread-safe).</summary>
    public static BlsConsensusVerifier Instance { get; } = new();

    /// <inheritdoc />
    public string SchemeName => "bls12-381 (BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_)";

    /// <inheritdoc />
    public bool Verify(ValidatorKey signer, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        Bls.Verify(signer.Bytes, message, signature);

    /// <inheritdoc />
    public byte[] Aggregate(IReadOnlyList<byte[]> signatures)
    {
        try
        {
            return Bls.Aggregate(signatures);
        }
        catch (BlsException e)
        {
            throw new ArgumentException(e.Message, nameof(signatures), e);
        }
    }

    /// <inheritdoc />
    public bool FastAggregateVerify(IReadOnlyList<ValidatorKey> signers, ReadOnlySpan<byte> message, ReadOnlySpan<byte> aggregateSignature) =>
        signers.Count > 0 && signers.Distinct().Count() == signers.Count
        && Bls.FastAggregateVerify(signers.Select(s => s.Bytes.ToArray()).ToList(), message, aggregateSignature);

    /// <inheritdoc />
    public bool VerifyProofOfPossession(ValidatorKey key, ReadOnlySpan<byte> proof) => Bls.PopVerify(key.Bytes, proof);
}
