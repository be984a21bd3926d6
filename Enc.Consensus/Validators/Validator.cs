namespace Enc.Consensus.Validators;

/// <summary>One member of a validator set: its public key and its consensus weight (&gt; 0).</summary>
/// <param name="Key">The validator's public key.</param>
/// <param name="Weight">Voting weight; a quorum needs more than two thirds of the set's total weight.</param>
public sealed record Validator(ValidatorKey Key, long Weight);
