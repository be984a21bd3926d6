namespace Enc.Grains.Interfaces.Ledger;

/// <summary>The ledger's answer to a signer registration.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Ledger.SignerRegistrationOutcome")]
public sealed record SignerRegistrationOutcome
{
    /// <summary>True when the key is registered (now or before).</summary>
    [Id(0)] public required bool Accepted { get; init; }

    /// <summary>For refusals: <c>BadProofOfPossession</c> or <c>InvalidPublicKey</c>.</summary>
    [Id(1)] public string? Reason { get; init; }
}
