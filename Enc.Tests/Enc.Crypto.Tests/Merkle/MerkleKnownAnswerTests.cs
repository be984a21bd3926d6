using Enc.Crypto.Merkle;

namespace Enc.Crypto.Tests.Merkle;

/// <summary>Known answers from <c>../shared/vectors/merkle/rfc6962.json</c> (transparency-dev/merkle test data).</summary>
public sealed class MerkleKnownAnswerTests
{
    private static MerkleVectors V => MerkleVectors.Instance;

    public static TheoryData<int> Sizes => [.. Enumerable.Range(0, MerkleVectors.Instance.RootsBySize.Length)];

    public static TheoryData<int> InclusionCases => [.. Enumerable.Range(0, MerkleVectors.Instance.Inclusion.Length)];

    public static TheoryData<int> ConsistencyCases => [.. Enumerable.Range(0, MerkleVectors.Instance.Consistency.Length)];

    [Fact]
    public void VectorFileHasEveryKindOfCase()
    {
        Assert.Equal(V.Leaves.Length + 1, V.RootsBySize.Length);
        Assert.NotEmpty(V.Inclusion);
        Assert.NotEmpty(V.Consistency);
        Assert.Equal(V.RootsBySize[0], MerkleHasher.EmptyRoot.ToArray());
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task TreeHeadMatchesForEverySize(int size)
    {
        var range = new CompactMerkleRange();
        foreach (var leaf in V.Leaves[..size])
        {
            range.AppendLeaf(leaf);
        }

        Assert.Equal(Hex(V.RootsBySize[size]), Hex(range.Root()));

        var store = FullStore();
        Assert.Equal(Hex(V.RootsBySize[size]), Hex(store.Root(size)));
        Assert.Equal(Hex(V.RootsBySize[size]), Hex(await new MerkleProofBuilder(store).RootAsync(size, TestContext.Current.CancellationToken)));
    }

    [Theory]
    [MemberData(nameof(InclusionCases))]
    public void InclusionProofIsGeneratedAndVerified(int i)
    {
        var vector = V.Inclusion[i];
        var claim = InclusionClaimOf(vector);
        Assert.Equal(vector.Proof.Select(Hex), FullStore().InclusionProof(vector.LeafIndex, vector.TreeSize).Select(Hex));
        Assert.True(claim.Verify(), claim.Desc);
    }

    [Theory]
    [MemberData(nameof(InclusionCases))]
    public void EveryCorruptionOfAnInclusionProofFails(int i)
    {
        var corruptions = ProofCorruptions.Of(InclusionClaimOf(V.Inclusion[i])).ToList();
        Assert.True(corruptions.Count >= 10);
        Assert.All(corruptions, c => Assert.False(c.Verify(), c.Desc));
    }

    [Theory]
    [MemberData(nameof(ConsistencyCases))]
    public void ConsistencyProofIsGeneratedAndVerified(int i)
    {
        var vector = V.Consistency[i];
        var claim = ConsistencyClaimOf(vector);
        Assert.Equal(vector.Proof.Select(Hex), FullStore().ConsistencyProof(vector.Size1, vector.Size2).Select(Hex));
        Assert.True(claim.Verify(), claim.Desc);
    }

    [Theory]
    [MemberData(nameof(ConsistencyCases))]
    public void EveryCorruptionOfAConsistencyProofFails(int i)
    {
        var corruptions = ProofCorruptions.Of(ConsistencyClaimOf(V.Consistency[i])).ToList();
        Assert.True(corruptions.Count >= 8);
        Assert.All(corruptions, c => Assert.False(c.Verify(), c.Desc));
    }

    [Fact]
    public void TreeSizeIsBoundToItsHeadBySignatureNotByThePath()
    {
        // RFC 9162 verification sees only the path's shape: leaf 0's path in the tree of 8 is also a
        // well-formed path for a tree of 7 leaves, so (0, 7, path8, root8) verifies although no tree of 7
        // leaves has root8. This is why ENC's checkpoints sign size and root together.
        var v = V.Inclusion.Single(x => x.LeafIndex == 0 && x.TreeSize == 8);
        Assert.True(MerkleVerifier.VerifyInclusion(0, 7, MerkleHasher.LeafHash(V.Leaves[0]), v.Proof, V.RootsBySize[8]));
        Assert.False(MerkleVerifier.VerifyInclusion(0, 7, MerkleHasher.LeafHash(V.Leaves[0]), v.Proof, V.RootsBySize[7]));
    }

    private static InclusionClaim InclusionClaimOf(InclusionVector v) =>
        new($"vector {v}", v.LeafIndex, v.TreeSize, MerkleHasher.LeafHash(V.Leaves[v.LeafIndex]), v.Proof, V.RootsBySize[v.TreeSize]);

    private static ConsistencyClaim ConsistencyClaimOf(ConsistencyVector v) =>
        new($"vector {v}", v.Size1, v.Size2, v.Proof, V.RootsBySize[v.Size1], V.RootsBySize[v.Size2]);

    private static InMemoryMerkleNodeStore FullStore()
    {
        var store = new InMemoryMerkleNodeStore();
        foreach (var leaf in V.Leaves)
        {
            store.AppendLeaf(leaf);
        }

        return store;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
