namespace Enc.Crypto.Tests.Merkle;

/// <summary>
/// Systematically corrupts valid proofs the way the vectors' README lists (wrong index or size, a flipped bit,
/// an extra or missing element, swapped roots), in the spirit of transparency-dev/merkle's proof generator.
/// Corruptions identical to the valid claim are not produced.
/// </summary>
/// <remarks>
/// Wrong sizes follow transparency-dev/merkle's probes (<c>size*2</c>, <c>size/2</c>, <c>size1±1</c>,
/// <c>size1^2</c>), not <c>size±1</c> for the larger tree: RFC 9162's verification only sees the path's
/// shape, and e.g. leaf 0's path in a tree of 8 is also a well-formed path in a tree of 7 (the last
/// element may be a perfect or an edge subtree; the verifier cannot tell). What binds a size to its head is
/// the signed tree head; <see cref="MerkleKnownAnswerTests"/> documents the ±1 case explicitly.
/// </remarks>
internal static class ProofCorruptions
{
    public static IEnumerable<InclusionClaim> Of(InclusionClaim valid)
    {
        var d = valid.Desc;
        yield return valid with { Desc = $"{d}: index+1", Index = valid.Index + 1 };
        yield return valid with { Desc = $"{d}: index-1", Index = valid.Index - 1 };
        yield return valid with { Desc = $"{d}: index^2", Index = valid.Index ^ 2 };
        yield return valid with { Desc = $"{d}: index=size", Index = valid.Size };
        yield return valid with { Desc = $"{d}: size*2", Size = valid.Size * 2 };
        yield return valid with { Desc = $"{d}: size/2", Size = valid.Size / 2 };
        yield return valid with { Desc = $"{d}: leaf hash bit flipped", LeafHash = FlipBit(valid.LeafHash, 0) };
        yield return valid with { Desc = $"{d}: root bit flipped", Root = FlipBit(valid.Root, 255) };
        foreach (var (desc, proof) in CorruptPath(valid.Proof))
        {
            yield return valid with { Desc = $"{d}: {desc}", Proof = proof };
        }
    }

    public static IEnumerable<ConsistencyClaim> Of(ConsistencyClaim valid)
    {
        var d = valid.Desc;
        yield return valid with { Desc = $"{d}: size1+1", Size1 = valid.Size1 + 1 };
        yield return valid with { Desc = $"{d}: size1-1", Size1 = valid.Size1 - 1 };
        yield return valid with { Desc = $"{d}: size1^2", Size1 = valid.Size1 ^ 2 };
        yield return valid with { Desc = $"{d}: size2*2", Size2 = valid.Size2 * 2 };
        yield return valid with { Desc = $"{d}: size2/2", Size2 = valid.Size2 / 2 };
        if (valid.Size1 != valid.Size2)
        {
            yield return valid with { Desc = $"{d}: sizes swapped", Size1 = valid.Size2, Size2 = valid.Size1 };
        }

        if (!valid.Root1.AsSpan().SequenceEqual(valid.Root2))
        {
            yield return valid with { Desc = $"{d}: roots swapped", Root1 = valid.Root2, Root2 = valid.Root1 };
            yield return valid with { Desc = $"{d}: root1 = root2", Root1 = valid.Root2 };
        }

        yield return valid with { Desc = $"{d}: root1 bit flipped", Root1 = FlipBit(valid.Root1, 3) };
        yield return valid with { Desc = $"{d}: root2 bit flipped", Root2 = FlipBit(valid.Root2, 130) };
        foreach (var (desc, proof) in CorruptPath(valid.Proof))
        {
            yield return valid with { Desc = $"{d}: {desc}", Proof = proof };
        }
    }

    private static IEnumerable<(string Desc, byte[][] Proof)> CorruptPath(byte[][] proof)
    {
        var zero = new byte[32];
        yield return ("extra zero element appended", [.. proof, zero]);
        yield return ("extra zero element prepended", [zero, .. proof]);
        if (proof.Length > 0)
        {
            yield return ("last element duplicated", [.. proof, proof[^1]]);
            yield return ("first element duplicated", [proof[0], .. proof]);
            yield return ("short element", [.. proof[..^1], proof[^1][..31]]);
        }

        for (var i = 0; i < proof.Length; i++)
        {
            yield return ($"element {i} removed", [.. proof[..i], .. proof[(i + 1)..]]);
            foreach (var bit in new[] { 0, 7, 128, 255 })
            {
                var flipped = proof.ToArray();
                flipped[i] = FlipBit(proof[i], bit);
                yield return ($"element {i} bit {bit} flipped", flipped);
            }

            if (i + 1 < proof.Length && !proof[i].AsSpan().SequenceEqual(proof[i + 1]))
            {
                var swapped = proof.ToArray();
                (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                yield return ($"elements {i} and {i + 1} swapped", swapped);
            }
        }
    }

    private static byte[] FlipBit(byte[] hash, int bit)
    {
        var copy = hash.ToArray();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }
}
