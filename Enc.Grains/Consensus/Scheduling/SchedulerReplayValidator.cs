using Enc.Consensus.Blocks;
using Enc.Consensus.Engine;
using Enc.Scheduling;
using Enc.Scheduling.Explain;

namespace Enc.Grains.Consensus.Scheduling;

/// <summary>
/// ConsensusDriven validity of a proposed block (QBFT spec L1 <c>validateEthereumBlock</c>): the
/// validator re-runs the deterministic scheduler over the state of the parent block, on the same
/// batch of requests in the same order, and accepts only when every placement lands on the identical
/// node. Node inventories must be well formed; placement requests must never appear in a block.
/// Validator-set changes are checked by the engine itself.
/// </summary>
/// <param name="stateAt">The committed state after <c>parent</c> (height 0 when null).</param>
/// <param name="plannedHere">
/// Optional: true when the given placements (a block's, in block order) are ones this validator's own
/// planner produced over <c>parent</c> (<see cref="PlannedBatch.Planned"/>); such a block — the proposer's
/// own — is not replayed, since a plan is a fixed point of the replay. Every other block is replayed.
/// </param>
public sealed class SchedulerReplayValidator(
    Func<CommittedBlock?, ConsensusClusterState> stateAt,
    Func<CommittedBlock?, IReadOnlyList<Decision>, bool>? plannedHere = null) : IDecisionValidator
{
    /// <summary>Reason prefix when a placement differs from the replay.</summary>
    public const string PlacementMismatch = "placement differs from the scheduler replay";

    /// <summary>Scheduler replays run so far (blocks with placements that this validator did not plan itself).</summary>
    public long Replays { get; private set; }

    /// <inheritdoc />
    public DecisionValidationResult Validate(ConsensusBlock block, CommittedBlock? parent)
    {
        ArgumentNullException.ThrowIfNull(block);
        var placed = new List<Decision>();
        foreach (var decision in block.Decisions)
        {
            try
            {
                switch (decision.Type)
                {
                    case DecisionTypes.Placement:
                        placed.Add(decision);
                        break;
                    case NodeInventoryDecision.Type:
                        NodeInventoryDecision.FromDecision(decision);
                        break;
                    case DecisionTypes.ValidatorSetChange:
                        break;
                    default:
                        return DecisionValidationResult.Invalid($"decision type '{decision.Type}' is not accepted in a block");
                }
            }
            catch (FormatException e)
            {
                return DecisionValidationResult.Invalid($"malformed {decision.Type} decision: {e.Message}");
            }
        }

        if (placed.Count == 0 || plannedHere?.Invoke(parent, placed) == true)
        {
            return DecisionValidationResult.Valid;
        }

        var placements = new List<PlacementDecision>(placed.Count);
        foreach (var decision in placed)
        {
            try
            {
                placements.Add(PlacementDecision.FromDecision(decision));
            }
            catch (FormatException e)
            {
                return DecisionValidationResult.Invalid($"malformed {decision.Type} decision: {e.Message}");
            }
        }

        Replays++;
        return Replay(stateAt(parent), placements);
    }

    private static DecisionValidationResult Replay(ConsensusClusterState state, List<PlacementDecision> placements)
    {
        if (state.Nodes.Count == 0)
        {
            return DecisionValidationResult.Invalid("no node inventory is committed; nothing can be placed");
        }

        var pipeline = new SchedulingPipeline(state.ToSnapshot(), ConsensusPlacementPlanner.SchedulerOptions());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var placement in placements)
        {
            var request = placement.Request;
            if (state.IsPlaced(request.InstanceId) || !seen.Add(request.InstanceId))
            {
                return DecisionValidationResult.Invalid($"instance {request.InstanceId} is already placed");
            }

            var replay = pipeline.Schedule(request.ToSchedulingRequest(), request.Replica, ExplainLevel.Summary);
            if (replay.Outcome != SchedulingOutcome.Placed || replay.Evictions.Count > 0 || replay.NodeId != placement.Node)
            {
                var expected = replay.Outcome == SchedulingOutcome.Placed ? replay.NodeId : "no node (" + replay.Message + ")";
                return DecisionValidationResult.Invalid($"{PlacementMismatch}: {request.InstanceId} proposed on {placement.Node}, replay gives {expected}");
            }
        }

        return DecisionValidationResult.Valid;
    }
}
