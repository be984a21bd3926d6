using Enc.Consensus.Blocks;
using Enc.Consensus.Engine;

namespace Enc.Consensus.Simulation;

/// <summary>
/// Decision validator backed by <see cref="StandInPlacementScheduler"/> (a test stand-in for the
/// scheduler replay): every placement must be the one the deterministic scheduler computes over
/// the parent state, and no workload may be placed twice in one block.
/// </summary>
public sealed class StandInPlacementValidator : IDecisionValidator
{
    /// <inheritdoc />
    public DecisionValidationResult Validate(ConsensusBlock block, CommittedBlock? parent)
    {
        var seen = new HashSet<string>();
        foreach (var decision in block.Decisions)
        {
            if (decision.Type != DecisionTypes.Placement)
            {
                continue;
            }

            (string workload, string node) placement;
            try
            {
                placement = StandInPlacementScheduler.Read(decision);
            }
            catch (FormatException e)
            {
                return DecisionValidationResult.Invalid(e.Message);
            }

            if (!seen.Add(placement.workload))
            {
                return DecisionValidationResult.Invalid($"workload {placement.workload} is placed twice");
            }

            var expected = StandInPlacementScheduler.Place(placement.workload, block.ParentHash);
            if (placement.node != expected)
            {
                return DecisionValidationResult.Invalid($"workload {placement.workload} placed on {placement.node}; the scheduler places it on {expected}");
            }
        }

        return DecisionValidationResult.Valid;
    }
}
