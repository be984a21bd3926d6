namespace Enc.Grains.Interfaces.Consensus;

/// <summary>A validator-set change submitted to consensus.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Consensus.ValidatorChangeSubmission")]
public sealed record ValidatorChangeSubmission
{
    /// <summary>The request as accepted (Add with its resolved weight).</summary>
    [Id(0)] public required ValidatorChangeRequest Request { get; init; }

    /// <summary>The node's BLS public key, hex.</summary>
    [Id(1)] public required string PublicKey { get; init; }

    /// <summary>SHA-256 of the submitted decision's canonical encoding, hex (look for it in <c>enc consensus block H</c>).</summary>
    [Id(2)] public required string DecisionHash { get; init; }

    /// <summary>The height being decided when the change was submitted; it takes effect two heights after the block that commits it.</summary>
    [Id(3)] public required long SubmittedAtHeight { get; init; }
}
