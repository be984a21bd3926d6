using Enc.Consensus.Blocks;

namespace Enc.Consensus.Engine;

/// <summary>
/// Supplies the decisions a proposer batches into a new block (QBFT spec L1 <c>getNewBlock</c>).
/// The call must not remove them from the pending queue: the block may not commit. The host
/// drops pending decisions when it sees them in a committed block.
/// </summary>
public interface IDecisionSource
{
    /// <summary>Up to <paramref name="maxCount"/> pending decisions for a block at <paramref name="height"/> whose parent is <paramref name="parent"/> (null at height 1).</summary>
    IReadOnlyList<Decision> PendingDecisions(long height, CommittedBlock? parent, int maxCount);
}
