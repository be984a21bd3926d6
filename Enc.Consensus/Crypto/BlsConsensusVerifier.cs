using Enc.Crypto.Bls;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Crypto;

/// <summary>
/// The production <see cref="IConsensusVerifier"/>: BLS12-381 signatures (Enc.Crypto's IETF BLS
/// signature implementation, proof-of-possession scheme). FastAggregateVerify is sound here
/// because validators are admitted only with a verified proof of possession, which defeats
/// rogue-key attacks on same-message aggregates.
/// </summary>
/// <remarks>
/// Each instance caches validated public keys (<see cref="BlsKeyCache"/>: decompression and
/// subgroup check once per validator key) and decoded signatures (<see cref="BlsSignatureCache"/>:
/// once per received signature array), so a vote aggregated for its quorum check is not decoded
/// again for the certificate, and an aggregate computed here is not decoded again for its check.
/// Every check still runs in full: the caches hold only the results of decoding and validation.
/// </remarks>
public sealed class BlsConsensusVerifier : IConsensusVerifier
{
    private readonly BlsKeyCache _keys = new();
    private readonly BlsSignatureCache _signatures = new();

    /// <summary>A shared instance (thread-safe; its caches are shared by every user in the process).</summary>
    public static BlsConsensusVerifier Instance { get; } = new();

    /// <inheritdoc />
    public string SchemeName => "bls12-381 (BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_)";

    /// <summary>Public keys this instance has validated and kept (diagnostics, tests).</summary>
    public int CachedKeyCount => _keys.Count;

    /// <inheritdoc />
    public bool Verify(ValidatorKey signer, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        _keys.Get(signer) is { } key && BlsSignature.TryFromBytes(signature, out var parsed) && key.Verify(message, parsed);

    /// <summary>Verifies a signature held in an array, reusing its decoded form when it was decoded before.</summary>
    public bool Verify(ValidatorKey signer, ReadOnlySpan<byte> message, byte[] signature) =>
        _keys.Get(signer) is { } key && _signatures.Get(signature) is { } parsed && key.Verify(message, parsed);

    /// <inheritdoc />
    public byte[] Aggregate(IReadOnlyList<byte[]> signatures)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        if (signatures.Count == 0)
        {
            throw new ArgumentException("Cannot aggregate an empty list of signatures.", nameof(signatures));
        }

        var parsed = new BlsSignature[signatures.Count];
        for (var i = 0; i < parsed.Length; i++)
        {
            parsed[i] = _signatures.Get(signatures[i] ?? throw new ArgumentException($"signatures[{i}] is null.", nameof(signatures)))
                ?? throw new ArgumentException($"signatures[{i}]: not a valid compressed G2 signature of the subgroup.", nameof(signatures));
        }

        var aggregate = BlsAggregateSignature.Aggregate(parsed).Signature;
        var bytes = aggregate.ToBytes();
        _signatures.Remember(bytes, aggregate);
        return bytes;
    }

    /// <inheritdoc />
    public bool FastAggregateVerify(IReadOnlyList<ValidatorKey> signers, ReadOnlySpan<byte> message, ReadOnlySpan<byte> aggregateSignature) =>
        signers.Count > 0 && signers.Distinct().Count() == signers.Count
        && _keys.GetAll(signers) is { } keys
        && Bls.FastAggregateVerify(keys, message, aggregateSignature);

    /// <summary>FastAggregateVerify of an aggregate held in an array (one this instance computed is not decoded again).</summary>
    public bool FastAggregateVerify(IReadOnlyList<ValidatorKey> signers, ReadOnlySpan<byte> message, byte[] aggregateSignature) =>
        signers.Count > 0 && signers.Distinct().Count() == signers.Count
        && _keys.GetAll(signers) is { } keys
        && _signatures.Get(aggregateSignature) is { } parsed
        && BlsAggregateSignature.Aggregate([parsed]).VerifySameMessage(keys, message);

    /// <inheritdoc />
    public bool VerifyProofOfPossession(ValidatorKey key, ReadOnlySpan<byte> proof) =>
        _keys.Get(key) is { } parsed && BlsSignature.TryFromBytes(proof, out var signature) && parsed.VerifyPossession(signature);
}
