using Enc.Consensus.Blocks;
using Enc.Consensus.Primitives;

namespace Enc.Consensus.Tests.Blocks;

public sealed class ConsensusBlockTests
{
    private static ConsensusBlock Sample(params string[] payloads) =>
        new(3, Hash256.Compute("parent"u8), Hash256.Compute("set"u8), payloads.Select(p => new Decision(DecisionTypes.Placement, System.Text.Encoding.UTF8.GetBytes(p))));

    [Fact]
    public void Encoding_RoundTripsAndFixesTheHash()
    {
        var block = Sample("a", "b");
        var decoded = ConsensusBlock.Decode(block.Encode());

        Assert.Equal(block.Hash, decoded.Hash);
        Assert.Equal(block.Height, decoded.Height);
        Assert.Equal(block.ParentHash, decoded.ParentHash);
        Assert.Equal(2, decoded.Decisions.Count);
        Assert.Equal(Hash256.Compute(block.Encode()), block.Hash);
    }

    [Fact]
    public void Hash_CoversEveryDecisionAndItsOrder()
    {
        Assert.NotEqual(Sample("a", "b").Hash, Sample("b", "a").Hash);
        Assert.NotEqual(Sample("a").Hash, Sample("a", "b").Hash);
        Assert.NotEqual(Sample("a").Hash, Sample("A").Hash);
    }

    [Fact]
    public void MalformedEncodings_NameTheField()
    {
        var bytes = Sample("a").Encode();
        Assert.Contains("block.tag", Assert.Throws<FormatException>(() => ConsensusBlock.Decode(bytes.AsSpan(0, 5))).Message);
        Assert.Contains("decision.payload", Assert.Throws<FormatException>(() => ConsensusBlock.Decode(bytes.AsSpan(0, bytes.Length - 1))).Message);
        Assert.Contains("trailing", Assert.Throws<FormatException>(() => ConsensusBlock.Decode([.. bytes, 0])).Message);
    }
}
