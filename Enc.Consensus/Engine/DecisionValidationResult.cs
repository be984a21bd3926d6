namespace Enc.Consensus.Engine;

/// <summary>Verdict of an <see cref="IDecisionValidator"/>.</summary>
/// <param name="IsValid">True when the block may be prepared.</param>
/// <param name="Reason">Why the block was refused (null when valid).</param>
public readonly record struct DecisionValidationResult(bool IsValid, string? Reason)
{
    /// <summary>The block is valid.</summary>
    public static DecisionValidationResult Valid => new(true, null);

    /// <summary>The block is refused for <paramref name="reason"/>.</summary>
    public static DecisionValidationResult Invalid(string reason) => new(false, reason);
}
