using System.Security.Cryptography;
using Enc.Crypto.Merkle;

namespace Enc.Crypto.Tests.Merkle;

public sealed class MerkleHasherTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(MerkleHasher.StackLeafLimit - 1)]
    [InlineData(MerkleHasher.StackLeafLimit)]
    [InlineData(100_000)]
    public void LeafHashIsSha256OfZeroPrefixedData(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        Assert.Equal(SHA256.HashData([0x00, .. data]), MerkleHasher.LeafHash(data));
    }

    [Fact]
    public void NodeHashIsSha256OfOnePrefixedChildrenAndMayOverwriteAnInput()
    {
        var left = SHA256.HashData([1]);
        var right = SHA256.HashData([2]);
        var expected = SHA256.HashData([0x01, .. left, .. right]);
        Assert.Equal(expected, MerkleHasher.NodeHash(left, right));
        MerkleHasher.NodeHash(left, right, right);
        Assert.Equal(expected, right);
    }

    [Fact]
    public void NodeHashRejectsWrongLengthsNamingTheArgument()
    {
        var ex = Assert.Throws<ArgumentException>(() => MerkleHasher.NodeHash(new byte[31], new byte[32]));
        Assert.Equal("left", ex.ParamName);
    }

    [Fact]
    public void PlannerRejectsIndexOutsideTheTree()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofPlanner.Inclusion(5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofPlanner.Consistency(6, 5));
        Assert.Throws<KeyNotFoundException>(() => new InMemoryMerkleNodeStore().ReadNode(new MerkleNodeId(0, 0), new byte[32]));
    }
}
