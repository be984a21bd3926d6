using Enc.Crypto.Bls.Curves;

namespace Enc.Crypto.Bls;

/// <summary>
/// Batch verification over the typed wrappers: checks many independent (key, message, signature)
/// triples with one multi-pairing (<see cref="Bls.BatchVerify"/> without re-decoding keys and signatures).
/// </summary>
public static class BlsBatchVerification
{
    /// <summary>
    /// True only if <c>signatures[i]</c> is a valid signature of <c>messages[i]</c> under
    /// <c>publicKeys[i]</c> for every i (random linear combination with fresh nonzero 64-bit
    /// weights from the OS CSPRNG). False for empty or unequal lists; false tells that at least one
    /// triple is invalid, not which — verify individually to find it.
    /// </summary>
    public static bool VerifyAll(IReadOnlyList<BlsPublicKey> publicKeys, IReadOnlyList<ReadOnlyMemory<byte>> messages, IReadOnlyList<BlsSignature> signatures)
    {
        ArgumentNullException.ThrowIfNull(publicKeys);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(signatures);
        int n = publicKeys.Count;
        if (n == 0 || messages.Count != n || signatures.Count != n)
        {
            return false;
        }

        var keys = new G1Affine[n];
        var sigs = new G2Affine[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = (publicKeys[i] ?? throw new ArgumentNullException(nameof(publicKeys), $"publicKeys[{i}] is null.")).Point;
            sigs[i] = (signatures[i] ?? throw new ArgumentNullException(nameof(signatures), $"signatures[{i}] is null.")).Point;
        }

        return BlsCore.BatchVerify(keys, messages, sigs);
    }
}
