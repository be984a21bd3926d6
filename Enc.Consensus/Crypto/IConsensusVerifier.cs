using Enc.Consensus.Validators;

namespace Enc.Consensus.Crypto;

/// <summary>
/// Verifies consensus signatures and aggregates them. For BLS12-381 (the production scheme)
/// <see cref="FastAggregateVerify"/> is the IETF BLS signature draft's FastAggregateVerify: all
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

    /// <summary>Combines signatures over one message into one aggregate signature.</summary>
    /// <exception cref="ArgumentException">A signature is malformed or the list is empty.</exception>
    byte[] Aggregate(IReadOnlyList<byte[]> signatures);

    /// <summary>True when <paramref name="aggregateSignature"/> aggregates valid signatures of every key in <paramref name="signers"/> over <paramref name="message"/>.</summary>
    bool FastAggregateVerify(IReadOnlyList<ValidatorKey> signers, ReadOnlySpan<byte> message, ReadOnlySpan<byte> aggregateSignature);

    /// <summary>True when <paramref name="proof"/> proves possession of the secret key behind <paramref name="key"/> (rogue-key defence for aggregation).</summary>
    bool VerifyProofOfPossession(ValidatorKey key, ReadOnlySpan<byte> proof);
}
