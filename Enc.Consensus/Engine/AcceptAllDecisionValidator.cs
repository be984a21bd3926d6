using Enc.Consensus.Blocks;

namespace Enc.Consensus.Engine;

/// <summary>
/// A decision validator with no application rules (validator-set changes are still checked by
/// the engine itself). For deployments where consensus only orders decisions that were already
/// validated elsewhere.
/// </summary>
public sealed class AcceptAllDecisionValidator : IDecisionValidator
{
    /// <summary>The shared instance.</summary>
    public static AcceptAllDecisionValidator Instance { get; } = new();

    /// <inheritdoc />
    public DecisionValidationResult Validate(ConsensusBlock block, CommittedBlock? parent) => DecisionValidationResult.Valid;
}
