using Enc.Consensus.Validators;

namespace Enc.Consensus.Crypto;

/// <summary>
/// Verifies consensus signatures and aggregates them. For BLS12-381 (the production scheme)
/// <see cref="FastAggregateVerify(IReadOnlyList{ValidatorKey}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> is the IETF BLS signature draft's FastAggregateVerify: all
/// signers signed the same message, so one pairing check verifies the whole aggregate.
/// Implementations must be thread-safe and must return <c>false</c> (never throw) for malformed
/// keys or signatures, because both arrive from untrusted peers.
/// </summary>
public interface IConsensusVerifier
{
    /// <summary>Name of the scheme, recorded in documentation and diagnostics.</summary>
    string SchemeName { get; }

    /// <summary>True when <paramref name="signature"/> is <paramref name="signer"/>'s valid signature over <paramref name="message"/>.</summary>
    bool Verify(ValidatorKey signer, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);

    /// <summary>
    /// <see cref="Verify(ValidatorKey, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> for a signature held in an array;
    /// an implementation may reuse work keyed by the array (e.g. its decoded form).
    /// </summary>
    bool Verify(ValidatorKey signer, ReadOnlySpan<byte> message, byte[] signature) => Verify(signer, message, signature.AsSpan());

    /// <summary>Combines signatures over one message into one aggregate signature.</summary>
    /// <exception cref="ArgumentException">A signature is malformed or the list is empty.</exception>
    byte[] Aggregate(IReadOnlyList<byte[]> signatures);

    /// <summary>True when <paramref name="aggregateSignature"/> aggregates valid signatures of every key in <paramref name="signers"/> over <paramref name="message"/>.</summary>
    bool FastAggregateVerify(IReadOnlyList<ValidatorKey> signers, ReadOnlySpan<byte> message, ReadOnlySpan<byte> aggregateSignature);

    /// <summary>
    /// <see cref="FastAggregateVerify(IReadOnlyList{ValidatorKey}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> for an
    /// aggregate held in an array (e.g. one returned by <see cref="Aggregate"/>, whose decoded form an implementation may keep).
    /// </summary>
    bool FastAggregateVerify(IReadOnlyList<ValidatorKey> signers, ReadOnlySpan<byte> message, byte[] aggregateSignature) =>
        FastAggregateVerify(signers, message, aggregateSignature.AsSpan());

    /// <summary>True when <paramref name="proof"/> proves possession of the secret key behind <paramref name="key"/> (rogue-key defence for aggregation).</summary>
    bool VerifyProofOfPossession(ValidatorKey key, ReadOnlySpan<byte> proof);
}
