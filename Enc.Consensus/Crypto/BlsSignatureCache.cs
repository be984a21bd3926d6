using System.Runtime.CompilerServices;
using Enc.Crypto.Bls;

namespace Enc.Consensus.Crypto;

/// <summary>
/// Decoded (decompressed and subgroup-checked) BLS signatures keyed by the identity of the byte
/// array that carried them: a vote's signature is decoded once when its quorum is aggregated for
/// verification and reused when the same vote goes into the commit certificate. Entries live
/// exactly as long as the array does, so the cache needs no eviction. Thread-safe.
/// </summary>
/// <remarks>
/// Arrays are mutable, so an entry keeps a copy of the bytes it was decoded from and is used only
/// while the array still holds exactly those bytes; otherwise the array is decoded again.
/// </remarks>
internal sealed class BlsSignatureCache
{
    private readonly ConditionalWeakTable<byte[], Entry> _entries = [];

    /// <summary>The decoded signature, or null when <paramref name="signature"/> is not a valid compressed G2 point of the subgroup.</summary>
    public BlsSignature? Get(byte[] signature)
    {
        if (_entries.TryGetValue(signature, out var entry) && entry.Bytes.AsSpan().SequenceEqual(signature))
        {
            return entry.Parsed;
        }

        var parsed = BlsSignature.TryFromBytes(signature, out var valid) ? valid : null;
        _entries.AddOrUpdate(signature, new Entry(signature.ToArray(), parsed));
        return parsed;
    }

    /// <summary>Remembers a signature this process computed (an aggregate of decoded signatures), so it is not decoded again.</summary>
    public void Remember(byte[] signature, BlsSignature parsed) =>
        _entries.AddOrUpdate(signature, new Entry(signature.ToArray(), parsed));

    private sealed record Entry(byte[] Bytes, BlsSignature? Parsed);
}
