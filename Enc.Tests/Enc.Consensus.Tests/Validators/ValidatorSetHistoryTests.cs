using Enc.Consensus.Blocks;
using Enc.Consensus.Crypto;
using Enc.Consensus.Primitives;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Tests.Validators;

public sealed class ValidatorSetHistoryTests
{
    private readonly SimulatedSignatureScheme _scheme = new();

    [Fact]
    public void ChangeCommittedAtHeightH_TakesEffectAtHeightHPlusTwo()
    {
        var a = _scheme.CreateSigner("a");
        var b = _scheme.CreateSigner("b");
        var newcomer = _scheme.CreateSigner("c");
        var genesis = new ValidatorSet([new Validator(a.PublicKey, 1), new Validator(b.PublicKey, 1)]);
        var history = new ValidatorSetHistory(genesis, _scheme);
        var changes = new[]
        {
            ValidatorSetChange.Add(newcomer.PublicKey, 3, _scheme.ProofOfPossession(newcomer)).ToDecision(),
            ValidatorSetChange.SetWeight(a.PublicKey, 5).ToDecision(),
        };

        history.OnCommitted(new ConsensusBlock(1, Hash256.Zero, genesis.Hash, changes));
        history.OnCommitted(new ConsensusBlock(2, Hash256.Zero, genesis.Hash, []));

        Assert.Same(genesis, history.SetFor(1));
        Assert.Same(genesis, history.SetFor(2));
        var third = history.SetFor(3);
        Assert.Equal(3, third.Count);
        Assert.Equal(5, third.WeightOf(a.PublicKey));
        Assert.Equal(3, third.WeightOf(newcomer.PublicKey));
        Assert.Equal(9, third.TotalWeight);
        Assert.Throws<ArgumentOutOfRangeException>(() => history.SetFor(5));
    }

    [Fact]
    public void InvalidChanges_AreReportedWithTheReason()
    {
        var a = _scheme.CreateSigner("a");
        var stranger = _scheme.CreateSigner("s");
        var history = new ValidatorSetHistory(new ValidatorSet([new Validator(a.PublicKey, 1)]), _scheme);

        Assert.Contains("proof of possession", history.ValidateChanges([ValidatorSetChange.Add(stranger.PublicKey, 1, [1, 2, 3]).ToDecision()]));
        Assert.Contains("not a member", history.ValidateChanges([ValidatorSetChange.Remove(stranger.PublicKey).ToDecision()]));
        Assert.Contains("last validator", history.ValidateChanges([ValidatorSetChange.Remove(a.PublicKey).ToDecision()]));
        Assert.Contains("must be > 0", history.ValidateChanges([ValidatorSetChange.SetWeight(a.PublicKey, 0).ToDecision()]));
        Assert.Contains("already a member", history.ValidateChanges([ValidatorSetChange.Add(a.PublicKey, 1, _scheme.ProofOfPossession(a)).ToDecision()]));
        Assert.Contains("change.kind", history.ValidateChanges([new Decision(DecisionTypes.ValidatorSetChange, [9])]));
        Assert.Null(history.ValidateChanges([ValidatorSetChange.SetWeight(a.PublicKey, 2).ToDecision()]));
    }

    [Fact]
    public void ChangeDecision_RoundTrips()
    {
        var key = _scheme.CreateSigner("x");
        var change = ValidatorSetChange.Add(key.PublicKey, 7, _scheme.ProofOfPossession(key));
        var parsed = ValidatorSetChange.FromDecision(change.ToDecision());
        Assert.Equal(change.Kind, parsed.Kind);
        Assert.Equal(change.Key, parsed.Key);
        Assert.Equal(change.Weight, parsed.Weight);
        Assert.Equal(change.ProofOfPossession, parsed.ProofOfPossession);
    }
}
