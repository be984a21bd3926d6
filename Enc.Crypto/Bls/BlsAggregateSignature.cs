using Enc.Crypto.Bls.Curves;

namespace Enc.Crypto.Bls;

/// <summary>
/// The sum of one or more <see cref="BlsSignature"/>s, with the two ways of checking it:
/// <see cref="VerifySameMessage"/> (every signer signed one message: the draft's
/// <c>FastAggregateVerify</c>) and <see cref="Verify"/> (signer i signed message i: <c>AggregateVerify</c>).
/// </summary>
/// <remarks>
/// Aggregation is commutative, so the result does not depend on the order of the inputs. In this
/// proof-of-possession ciphersuite the signers' keys must have had their proofs checked
/// (<see cref="BlsPublicKey.VerifyPossession"/>) before their signatures are trusted in an aggregate.
/// </remarks>
public sealed class BlsAggregateSignature
{
    private BlsAggregateSignature(BlsSignature signature, int count)
    {
        Signature = signature;
        Count = count;
    }

    /// <summary>The aggregate as an ordinary (96-byte) signature.</summary>
    public BlsSignature Signature { get; }

    /// <summary>How many signatures were summed.</summary>
    public int Count { get; }

    /// <summary>Sums <paramref name="signatures"/>.</summary>
    /// <exception cref="BlsException">The sequence is empty.</exception>
    public static BlsAggregateSignature Aggregate(IEnumerable<BlsSignature> signatures)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        var sum = G2Projective.Identity;
        int count = 0;
        foreach (var signature in signatures)
        {
            ArgumentNullException.ThrowIfNull(signature, nameof(signatures));
            sum += signature.Point;
            count++;
        }

        if (count == 0)
        {
            throw new BlsException(BlsErrorCode.EmptyAggregate, nameof(signatures), "Cannot aggregate an empty set of signatures.");
        }

        return new BlsAggregateSignature(BlsSignature.FromPoint(sum.ToAffine()), count);
    }

    /// <summary>Checks that every key in <paramref name="publicKeys"/> signed <paramref name="message"/>; false for an empty list.</summary>
    public bool VerifySameMessage(IReadOnlyList<BlsPublicKey> publicKeys, ReadOnlySpan<byte> message)
    {
        ArgumentNullException.ThrowIfNull(publicKeys);
        if (publicKeys.Count == 0)
        {
            return false;
        }

        var points = new G1Affine[publicKeys.Count];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = (publicKeys[i] ?? throw new ArgumentNullException(nameof(publicKeys))).Point;
        }

        return BlsCore.FastAggregateVerify(points, message, Signature.Point);
    }

    /// <summary>Checks that <c>publicKeys[i]</c> signed <c>messages[i]</c> for every i; false for empty or mismatched lists.</summary>
    public bool Verify(IReadOnlyList<BlsPublicKey> publicKeys, IReadOnlyList<ReadOnlyMemory<byte>> messages)
    {
        ArgumentNullException.ThrowIfNull(publicKeys);
        ArgumentNullException.ThrowIfNull(messages);
        if (publicKeys.Count == 0 || publicKeys.Count != messages.Count)
        {
            return false;
        }

        var points = new G1Affine[publicKeys.Count];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = (publicKeys[i] ?? throw new ArgumentNullException(nameof(publicKeys))).Point;
        }

        return BlsCore.AggregateVerify(points, messages, Signature.Point);
    }

    /// <summary>The aggregate signature's hex encoding.</summary>
    public override string ToString() => Signature.ToHex();
}
