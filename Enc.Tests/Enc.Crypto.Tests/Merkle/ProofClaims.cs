namespace Enc.Crypto.Tests.Merkle;

/// <summary>An inclusion claim: leaf <see cref="LeafHash"/> is at <see cref="Index"/> of the tree of <see cref="Size"/> leaves with head <see cref="Root"/>.</summary>
internal sealed record InclusionClaim(string Desc, long Index, long Size, byte[] LeafHash, byte[][] Proof, byte[] Root)
{
    public bool Verify() => Enc.Crypto.Merkle.MerkleVerifier.VerifyInclusion(Index, Size, LeafHash, Proof, Root);

    public override string ToString() => Desc;
}

/// <summary>A consistency claim between the tree heads <see cref="Root1"/> (<see cref="Size1"/> leaves) and <see cref="Root2"/> (<see cref="Size2"/>).</summary>
internal sealed record ConsistencyClaim(string Desc, long Size1, long Size2, byte[][] Proof, byte[] Root1, byte[] Root2)
{
    public bool Verify() => Enc.Crypto.Merkle.MerkleVerifier.VerifyConsistency(Size1, Size2, Proof, Root1, Root2);

    public override string ToString() => Desc;
}
