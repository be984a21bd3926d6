using Enc.Crypto.Merkle;

namespace Enc.Crypto.Tests.Merkle;

/// <summary>
/// Cross-checks the planner, appender and verifier against <see cref="ReferenceMerkleTree"/> (the RFC's
/// recursive definitions) for every tree size 1..300, every leaf index and every pair of sizes.
/// </summary>
public sealed class MerkleReferenceCrossCheckTests
{
    private const int MaxSize = 300;
    private static readonly Lazy<(ReferenceMerkleTree Reference, InMemoryMerkleNodeStore Store, byte[][] Roots)> s_trees = new(Build);

    [Fact]
    public void TreeHeadOfEverySizeMatchesTheReference()
    {
        var (reference, store, roots) = s_trees.Value;
        for (var n = 0; n <= MaxSize; n++)
        {
            Assert.Equal(reference.Head(0, n), roots[n]);
            Assert.Equal(reference.Head(0, n), store.Root(n));
        }
    }

    [Fact]
    public void InclusionProofOfEveryIndexInEverySizeMatchesAndVerifies()
    {
        var (reference, store, roots) = s_trees.Value;
        var checkedProofs = 0;
        for (var n = 1; n <= MaxSize; n++)
        {
            for (var m = 0; m < n; m++)
            {
                var expected = reference.Path(m, 0, n);
                var proof = store.InclusionProof(m, n);
                Assert.True(expected.Count == proof.Length, $"length of proof for leaf {m} of {n}");
                for (var i = 0; i < proof.Length; i++)
                {
                    Assert.True(expected[i].AsSpan().SequenceEqual(proof[i]), $"element {i} of proof for leaf {m} of {n}");
                }

                Assert.True(MerkleVerifier.VerifyInclusion(m, n, reference.LeafHash(m), proof, roots[n]), $"leaf {m} of {n}");
                checkedProofs++;
            }
        }

        Assert.Equal(MaxSize * (MaxSize + 1) / 2, checkedProofs);
    }

    [Fact]
    public void ConsistencyProofOfEveryPairOfSizesMatchesAndVerifies()
    {
        var (reference, store, roots) = s_trees.Value;
        for (var n = 1; n <= MaxSize; n++)
        {
            for (var m = 0; m <= n; m++)
            {
                var expected = reference.Proof(m, n);
                var proof = store.ConsistencyProof(m, n);
                Assert.True(expected.Count == proof.Length, $"length of proof {m} -> {n}");
                for (var i = 0; i < proof.Length; i++)
                {
                    Assert.True(expected[i].AsSpan().SequenceEqual(proof[i]), $"element {i} of proof {m} -> {n}");
                }

                Assert.True(MerkleVerifier.VerifyConsistency(m, n, proof, roots[m], roots[n]), $"{m} -> {n}");
            }
        }
    }

    [Fact]
    public void EveryCorruptionOfGeneratedProofsFailsForSmallTrees()
    {
        var (reference, store, roots) = s_trees.Value;
        var corruptions = 0;
        for (var n = 1; n <= 40; n++)
        {
            for (var m = 0; m < n; m++)
            {
                var inclusion = new InclusionClaim($"leaf {m} of {n}", m, n, reference.LeafHash(m), store.InclusionProof(m, n), roots[n]);
                foreach (var bad in ProofCorruptions.Of(inclusion))
                {
                    Assert.False(bad.Verify(), bad.Desc);
                    corruptions++;
                }
            }

            for (var m = 1; m <= n; m++)
            {
                var consistency = new ConsistencyClaim($"{m} -> {n}", m, n, store.ConsistencyProof(m, n), roots[m], roots[n]);
                foreach (var bad in ProofCorruptions.Of(consistency))
                {
                    Assert.False(bad.Verify(), bad.Desc);
                    corruptions++;
                }
            }
        }

        Assert.True(corruptions > 10_000, $"{corruptions} corruptions checked");
    }

    [Fact]
    public void RestoredCompactRangeContinuesAsIfNeverStopped()
    {
        var (reference, store, roots) = s_trees.Value;
        for (var n = 0; n <= 100; n++)
        {
            var ids = MerkleProofPlanner.CompactRange(n);
            var hashes = new byte[ids.Length * MerkleHasher.HashSize];
            for (var i = 0; i < ids.Length; i++)
            {
                store.ReadNode(ids[i], hashes.AsSpan(i * MerkleHasher.HashSize));
            }

            var range = CompactMerkleRange.Restore(n, hashes);
            Assert.Equal(roots[n], range.Root());
            for (var next = n; next < n + 37; next++)
            {
                range.Append(reference.LeafHash(next));
            }

            Assert.Equal(roots[n + 37], range.Root());
        }
    }

    [Fact]
    public void AppenderReportsEveryPerfectSubtreeExactlyOnce()
    {
        var (reference, _, _) = s_trees.Value;
        var seen = new Dictionary<MerkleNodeId, byte[]>();
        var range = new CompactMerkleRange();
        for (var i = 0; i < MaxSize; i++)
        {
            range.Append(reference.LeafHash(i), (id, hash) => seen.Add(id, hash.ToArray()));
        }

        var expectedCount = 0;
        for (var level = 0; (1 << level) <= MaxSize; level++)
        {
            for (var index = 0; (index + 1) << level <= MaxSize; index++)
            {
                var id = new MerkleNodeId(level, index);
                Assert.Equal(reference.Head((int)id.FirstLeaf, (int)(id.FirstLeaf + id.LeafCount)), seen[id]);
                expectedCount++;
            }
        }

        Assert.Equal(expectedCount, seen.Count);
    }

    private static (ReferenceMerkleTree, InMemoryMerkleNodeStore, byte[][]) Build()
    {
        var reference = ReferenceMerkleTree.WithLeaves(MaxSize + 40);
        var store = new InMemoryMerkleNodeStore();
        var roots = new byte[MaxSize + 41][];
        roots[0] = MerkleHasher.EmptyRoot.ToArray();
        var range = new CompactMerkleRange();
        for (var i = 0; i < MaxSize + 40; i++)
        {
            range.Append(reference.LeafHash(i));
            if (i < MaxSize)
            {
                store.Append(reference.LeafHash(i));
            }

            roots[i + 1] = range.Root();
        }

        return (reference, store, roots);
    }
}
