using System.Collections.Concurrent;
using Enc.Crypto.Bls;

namespace Enc.Ledger.Batches;

/// <summary>
/// Verifies ledger signatures and proofs of possession with BLS12-381 (<see cref="Bls"/>). Public keys are
/// validated (on the curve, in the subgroup, not infinity) once and cached, so a ledger that verifies many
/// batches from the same nodes pays the key check once per node. Thread-safe.
/// </summary>
public sealed class BlsBatchVerifier : IBatchVerifier
{
    private const int MaxCachedKeys = 4096;
    private readonly ConcurrentDictionary<string, BlsPublicKey?> _keys = new(StringComparer.Ordinal);

    /// <summary>A shared instance.</summary>
    public static BlsBatchVerifier Shared { get; } = new();

    /// <inheritdoc />
    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        Key(publicKey) is { } key && BlsSignature.TryFromBytes(signature, out var parsed) && key.Verify(message, parsed);

    /// <inheritdoc />
    public bool VerifyPossession(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> proof) =>
        Key(publicKey) is { } key && BlsSignature.TryFromBytes(proof, out var parsed) && key.VerifyPossession(parsed);

    private BlsPublicKey? Key(ReadOnlySpan<byte> publicKey)
    {
        var hex = Convert.ToHexStringLower(publicKey);
        if (_keys.TryGetValue(hex, out var cached))
        {
            return cached;
        }

        var key = BlsPublicKey.TryFromBytes(publicKey, out var parsed) ? parsed : null;
        if (_keys.Count >= MaxCachedKeys)
        {
            _keys.Clear();
        }

        _keys[hex] = key;
        return key;
    }
}
