using Enc.Consensus.Blocks;

namespace Enc.Consensus.Engine;

/// <summary>
/// Application-level validity of a proposed block (QBFT spec L1 <c>validateEthereumBlock</c>). A
/// validator PREPAREs a new block only when this returns valid; for ConsensusDriven scheduling
/// the implementation re-runs the deterministic scheduler over the last committed state and
/// requires the identical placements. Must be deterministic: every honest validator given the
/// same chain and block must reach the same verdict.
/// </summary>
public interface IDecisionValidator
{
    /// <summary>Judges <paramref name="block"/>, whose parent is <paramref name="parent"/> (null at height 1).</summary>
    DecisionValidationResult Validate(ConsensusBlock block, CommittedBlock? parent);
}
