using Enc.Consensus.Crypto;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Tests.Validators;

public sealed class ValidatorSetTests
{
    private static readonly SimulatedSignatureScheme Scheme = new();

    private static ValidatorSet Set(params long[] weights) =>
        new(weights.Select((w, i) => new Validator(Scheme.CreateSigner($"set/{i}").PublicKey, w)));

    /// <summary>With equal weights the weighted rules equal the QBFT spec's counts: quorum(n) = (2n-1)/3+1 and f+1 with f = (n-1)/3.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(16)]
    [InlineData(31)]
    public void EqualWeights_MatchTheSpecificationCounts(int n)
    {
        var set = Set(Enumerable.Repeat(1L, n).ToArray());
        var quorum = ((2 * n) - 1) / 3 + 1;
        var f = (n - 1) / 3;

        Assert.True(set.IsQuorum(quorum));
        Assert.False(set.IsQuorum(quorum - 1));
        Assert.True(set.ExceedsFaultyWeight(f + 1));
        Assert.False(set.ExceedsFaultyWeight(f));
    }

    [Theory]
    [InlineData(new long[] { 5, 1, 1, 1 }, 6, 5)]
    [InlineData(new long[] { 3, 3, 3, 1 }, 7, 6)]
    [InlineData(new long[] { 100, 1 }, 68, 67)]
    public void WeightedQuorum_NeedsMoreThanTwoThirdsOfTotalWeight(long[] weights, long quorum, long notQuorum)
    {
        var set = Set(weights);
        Assert.True(set.IsQuorum(quorum));
        Assert.False(set.IsQuorum(notQuorum));
    }

    [Fact]
    public void Members_AreInCanonicalKeyOrder_AndProposersRotateByHeightAndRound()
    {
        var set = Set(1, 1, 1, 1);
        Assert.Equal(set.Validators.Select(v => v.Key).Order(), set.Validators.Select(v => v.Key));
        Assert.Equal(set.Validators[1].Key, set.ProposerFor(1, 0));
        Assert.Equal(set.Validators[2].Key, set.ProposerFor(1, 1));
        Assert.Equal(set.Validators[0].Key, set.ProposerFor(2, 2));
        Assert.Equal(set.ProposerFor(5, 3), set.ProposerFor(5, 3));
    }

    [Fact]
    public void InvalidSets_AreRefusedWithTheReason()
    {
        var key = Scheme.CreateSigner("dup").PublicKey;
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => new ValidatorSet([new Validator(key, 1), new Validator(key, 2)])).Message);
        Assert.Contains("weights must be > 0", Assert.Throws<ArgumentException>(() => new ValidatorSet([new Validator(key, 0)])).Message);
        Assert.Throws<ArgumentException>(() => new ValidatorSet([]));
    }

    [Fact]
    public void SetHash_DependsOnKeysAndWeights()
    {
        Assert.Equal(Set(1, 2, 3).Hash, Set(1, 2, 3).Hash);
        Assert.NotEqual(Set(1, 2, 3).Hash, Set(1, 2, 4).Hash);
    }
}
