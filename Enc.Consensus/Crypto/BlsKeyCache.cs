using System.Collections.Concurrent;
using Enc.Consensus.Validators;
using Enc.Crypto.Bls;

namespace Enc.Consensus.Crypto;

/// <summary>
/// Validated BLS public keys by validator key: a key is decompressed and subgroup-checked
/// (<c>KeyValidate</c>) once, then every verification with it reuses the decoded point.
/// Invalid keys are remembered as invalid. Thread-safe.
/// </summary>
/// <remarks>
/// Validator sets are small and change rarely, so the cache stops growing at
/// <see cref="Capacity"/> entries (keys beyond it are validated on every use) rather than
/// evicting: a peer that sends many unknown keys cannot push the validators' keys out.
/// </remarks>
internal sealed class BlsKeyCache
{
    /// <summary>Entries kept at most.</summary>
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<ValidatorKey, BlsPublicKey?> _keys = new();

    /// <summary>Number of keys remembered (valid or invalid).</summary>
    public int Count => _keys.Count;

    /// <summary>The validated key, or null when <paramref name="key"/> is not a valid BLS12-381 public key.</summary>
    public BlsPublicKey? Get(ValidatorKey key)
    {
        if (_keys.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var parsed = BlsPublicKey.TryFromBytes(key.Bytes, out var valid) ? valid : null;
        if (_keys.Count < Capacity)
        {
            _keys.TryAdd(key, parsed);
        }

        return parsed;
    }

    /// <summary>All keys validated, in order; null when any is invalid.</summary>
    public List<BlsPublicKey>? GetAll(IReadOnlyList<ValidatorKey> keys)
    {
        var result = new List<BlsPublicKey>(keys.Count);
        foreach (var key in keys)
        {
            if (Get(key) is not { } valid)
            {
                return null;
            }

            result.Add(valid);
        }

        return result;
    }
}
