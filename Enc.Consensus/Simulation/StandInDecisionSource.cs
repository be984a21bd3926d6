using Enc.Consensus.Blocks;
using Enc.Consensus.Engine;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Simulation;

/// <summary>
/// Pending work of one simulated node: <see cref="WorkloadsPerHeight"/> workloads submitted to
/// this node per height (named after the node, so different proposers propose different
/// blocks), placed by <see cref="StandInPlacementScheduler"/>, plus validator-set changes that
/// are offered until committed.
/// </summary>
public sealed class StandInDecisionSource(string nodeName, bool infeasible, IReadOnlyList<ValidatorSetChange> pendingChanges) : IDecisionSource
{
    /// <summary>Workloads this node has pending per height.</summary>
    public int WorkloadsPerHeight { get; init; } = 3;

    /// <summary>Every committed block seen by the owner, used to drop committed changes.</summary>
    public Func<IReadOnlyList<CommittedBlock>>? Chain { get; set; }

    /// <inheritdoc />
    public IReadOnlyList<Decision> PendingDecisions(long height, CommittedBlock? parent, int maxCount)
    {
        var parentHash = parent?.Block.Hash ?? Primitives.Hash256.Zero;
        var decisions = new List<Decision>();
        for (var i = 0; i < WorkloadsPerHeight && decisions.Count < maxCount; i++)
        {
            var workload = $"{nodeName}/h{height}/w{i}";
            var node = infeasible
                ? StandInPlacementScheduler.Misplace(workload, parentHash)
                : StandInPlacementScheduler.Place(workload, parentHash);
            decisions.Add(StandInPlacementScheduler.Decision(workload, node));
        }

        var committed = Chain?.Invoke() ?? [];
        foreach (var change in pendingChanges)
        {
            var decision = change.ToDecision();
            var done = committed.Any(b => b.Block.Decisions.Any(d => d.Type == decision.Type && d.Payload.SequenceEqual(decision.Payload)));
            if (!done && decisions.Count < maxCount)
            {
                decisions.Add(decision);
            }
        }

        return decisions;
    }
}
