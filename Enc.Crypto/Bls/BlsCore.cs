using Enc.Crypto.Bls.Curves;
using Enc.Crypto.Bls.HashToCurve;
using PairingEngine = Enc.Crypto.Bls.Pairing.Pairing;

namespace Enc.Crypto.Bls;

/// <summary>
/// The scheme's verification core on decoded points (draft-irtf-cfrg-bls-signature §2.7–2.9, §3.3).
/// Callers pass public keys that passed validation (in G1, not the identity) and signatures that are
/// on the curve: CoreVerify, FastAggregateVerify and AggregateVerify check the signature's membership
/// in G2 themselves, from the multiple [|x|]·σ that the pairing's Miller loop computes anyway
/// (<see cref="PairingEngine.MultiPairingIsOne(ReadOnlySpan{G1Affine}, ReadOnlySpan{G2Affine}, out bool)"/>),
/// which saves the separate multiplication by x of the subgroup check (≈ 0.1 ms per verification).
/// Typed signatures (<see cref="BlsSignature"/>, <see cref="BlsAggregateSignature"/>) were checked when
/// parsed; the check repeats here at the cost of one ψ and a comparison, as defence in depth.
/// Every check is one multi-pairing with a single final exponentiation.
/// </summary>
/// <remarks>Verification handles only public data and is not constant time.</remarks>
internal static class BlsCore
{
    /// <summary>CoreVerify: σ in G2 and e(PK, H(msg)) == e(g1, σ), checked as e(PK, H(msg))·e(−g1, σ) == 1.</summary>
    public static bool CoreVerify(in G1Affine publicKey, ReadOnlySpan<byte> message, in G2Affine signature, ReadOnlySpan<byte> dst)
    {
        var hashed = HashToG2.Hash(message, dst).ToAffineVariableTime();
        ReadOnlySpan<G1Affine> g1 = [publicKey, -G1Affine.Generator];
        ReadOnlySpan<G2Affine> g2 = [hashed, signature];
        var pairingHolds = PairingEngine.MultiPairingIsOne(g1, g2, out var signatureInSubgroup);
        return signatureInSubgroup && pairingHolds;
    }

    /// <summary>FastAggregateVerify: all keys signed one message; the keys are summed first.</summary>
    public static bool FastAggregateVerify(ReadOnlySpan<G1Affine> publicKeys, ReadOnlySpan<byte> message, in G2Affine signature)
    {
        if (publicKeys.IsEmpty)
        {
            return false;
        }

        var sum = G1Projective.Identity;
        foreach (ref readonly var key in publicKeys)
        {
            sum += key;
        }

        // The draft re-validates the aggregate key in CoreVerify: a sum that cancels to the identity fails.
        return !sum.IsIdentity && CoreVerify(sum.ToAffineVariableTime(), message, signature, BlsCiphersuite.SignatureDst);
    }

    /// <summary>AggregateVerify (proof-of-possession variant: messages need not be distinct).</summary>
    public static bool AggregateVerify(ReadOnlySpan<G1Affine> publicKeys, IReadOnlyList<ReadOnlyMemory<byte>> messages, in G2Affine signature)
    {
        if (publicKeys.IsEmpty || publicKeys.Length != messages.Count)
        {
            return false;
        }

        var g1 = new G1Affine[publicKeys.Length + 1];
        var g2 = new G2Affine[publicKeys.Length + 1];
        for (int i = 0; i < publicKeys.Length; i++)
        {
            g1[i] = publicKeys[i];
            g2[i] = HashToG2.Hash(messages[i].Span, BlsCiphersuite.SignatureDst).ToAffineVariableTime();
        }

        g1[^1] = -G1Affine.Generator;
        g2[^1] = signature;
        var pairingHolds = PairingEngine.MultiPairingIsOne(g1, g2, out var signatureInSubgroup);
        return signatureInSubgroup && pairingHolds;
    }

    /// <summary>
    /// Batch verification of independent (key, message, signature) triples by a random linear
    /// combination: Π e(rᵢ·PKᵢ, H(mᵢ)) · e(−g1, Σ rᵢ·σᵢ) == 1 with fresh nonzero 64-bit weights rᵢ
    /// from the OS CSPRNG. Without the weights, two invalid signatures whose errors cancel would pass.
    /// </summary>
    /// <remarks>
    /// The weights only have to be unpredictable before the call; they are fresh per call, so the
    /// variable-time multiplications and inversions that touch them leak nothing an attacker can use.
    /// </remarks>
    public static bool BatchVerify(ReadOnlySpan<G1Affine> publicKeys, IReadOnlyList<ReadOnlyMemory<byte>> messages, ReadOnlySpan<G2Affine> signatures)
    {
        int n = publicKeys.Length;
        if (n == 0 || messages.Count != n || signatures.Length != n)
        {
            return false;
        }

        Span<ulong> weights = n <= 256 ? stackalloc ulong[n] : new ulong[n];
        BatchWeights.Fill(weights);

        var g1 = new G1Affine[n + 1];
        var g2 = new G2Affine[n + 1];
        for (int i = 0; i < n; i++)
        {
            g1[i] = G1Projective.FromAffine(publicKeys[i]).MultiplyVariableTime(weights[i]).ToAffineVariableTime();
            g2[i] = HashToG2.Hash(messages[i].Span, BlsCiphersuite.SignatureDst).ToAffineVariableTime();
        }

        g1[^1] = -G1Affine.Generator;
        g2[^1] = WeightedSum(signatures, weights).ToAffineVariableTime();
        return PairingEngine.MultiPairingIsOne(g1, g2);
    }

    /// <summary>
    /// Σ wᵢ·Pᵢ for public 64-bit weights by interleaved double-and-add (Straus): all terms share
    /// one chain of 64 doublings, so n terms cost 64 doublings and about 32·n mixed additions
    /// instead of n separate multiplications.
    /// </summary>
    private static G2Projective WeightedSum(ReadOnlySpan<G2Affine> points, ReadOnlySpan<ulong> weights)
    {
        var sum = G2Projective.Identity;
        for (int bit = 63; bit >= 0; bit--)
        {
            sum = sum.Double();
            for (int i = 0; i < points.Length; i++)
            {
                if (((weights[i] >> bit) & 1) == 1)
                {
                    sum += points[i];
                }
            }
        }

        return sum;
    }
}
