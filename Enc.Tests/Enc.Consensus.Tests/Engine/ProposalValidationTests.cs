using Enc.Consensus.Blocks;
using Enc.Consensus.Engine;
using Enc.Consensus.Simulation;

namespace Enc.Consensus.Tests.Engine;

/// <summary>
/// The application's decision validator (ConsensusDriven: a full scheduler replay) runs once per
/// block per validator: the proposer validates the block it builds and does not validate its own
/// proposal again; every other validator validates the proposal it receives.
/// </summary>
public sealed class ProposalValidationTests
{
    [Fact]
    public void EveryValidator_ValidatesEachNewBlockOnce_TheProposerIncluded()
    {
        var validators = Enumerable.Range(0, 4).Select(_ => new CountingValidator(new StandInPlacementValidator())).ToArray();
        var cluster = new EngineTestCluster(4, validators: i => validators[i]);
        cluster.Start();
        Assert.True(cluster.RunUntil(() => cluster.AllReach(4)));

        foreach (var validator in validators)
        {
            for (var h = 1; h <= 4; h++)
            {
                Assert.Equal(1, validator.CallsFor(h));
            }
        }
    }

    [Fact]
    public void InvalidBlock_IsStillRejectedByEveryOtherValidator()
    {
        // Validator 1 accepts anything when it builds, but everyone else refuses blocks with decisions:
        // its proposals are rejected, so its heights end with other proposers' (empty) blocks.
        var refusing = new RefuseNonEmpty();
        var cluster = new EngineTestCluster(4, validators: i => i == 1 ? AcceptAllDecisionValidator.Instance : refusing);
        cluster.Start();
        Assert.True(cluster.RunUntil(() => cluster.AllReach(6)));
        Assert.All(cluster.Engines[0].Chain, b => Assert.DoesNotContain(b.Block.Decisions, d => d.Type == DecisionTypes.Placement));
    }

    private sealed class CountingValidator(IDecisionValidator inner) : IDecisionValidator
    {
        private readonly Dictionary<long, int> _calls = [];

        public int CallsFor(long height) => _calls.GetValueOrDefault(height);

        public DecisionValidationResult Validate(ConsensusBlock block, CommittedBlock? parent)
        {
            _calls[block.Height] = CallsFor(block.Height) + 1;
            return inner.Validate(block, parent);
        }
    }

    private sealed class RefuseNonEmpty : IDecisionValidator
    {
        public DecisionValidationResult Validate(ConsensusBlock block, CommittedBlock? parent) =>
            block.Decisions.Count == 0 ? DecisionValidationResult.Valid : DecisionValidationResult.Invalid("test: refuses decisions");
    }
}
