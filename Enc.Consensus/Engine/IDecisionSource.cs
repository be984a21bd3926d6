using Enc.Consensus.Blocks;

namespace Enc.Consensus.Engine;

/// <summary>
/// Supplies the decisions a proposer batches into a new block (QBFT spec L1 <c>getNewBlock</c>).
/// The call must not remove them from the pending queue: the block may not commit. The host
/// drops pending decisions when it sees them in a committed block.
/// </summary>
/// <remarks>
/// The engine asks <see cref="PendingDecisions"/> only when it builds a block (the round's proposer, once per
/// round) and <see cref="HasPendingDecisions"/> whenever it only needs to know whether a height has work (at
/// every height start and on <see cref="QbftEngine.Wake"/> when <see cref="QbftOptions.ProposeEmptyBlocks"/> is
/// false). A source whose batch is costly to compute (ConsensusDriven scheduling plans placements) answers the
/// second question without building the batch.
/// </remarks>
public interface IDecisionSource
{
    /// <summary>Up to <paramref name="maxCount"/> pending decisions for a block at <paramref name="height"/> whose parent is <paramref name="parent"/> (null at height 1).</summary>
    IReadOnlyList<Decision> PendingDecisions(long height, CommittedBlock? parent, int maxCount);

    /// <summary>
    /// True when <see cref="PendingDecisions"/> would offer at least one decision for <paramref name="height"/>.
    /// The default asks for a batch of one.
    /// </summary>
    bool HasPendingDecisions(long height, CommittedBlock? parent) => PendingDecisions(height, parent, 1).Count > 0;
}
