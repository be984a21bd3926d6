namespace Enc.Grains.Interfaces.Ledger;

/// <summary>A signer key registered with the ledger.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Ledger.LedgerSignerView")]
public sealed record LedgerSignerView
{
    /// <summary>The node that registered the key.</summary>
    [Id(0)] public required string NodeId { get; init; }

    /// <summary>The BLS public key (48 bytes).</summary>
    [Id(1)] public required byte[] PublicKey { get; init; }

    /// <summary>The proof of possession the ledger verified at registration (96 bytes).</summary>
    [Id(2)] public required byte[] ProofOfPossession { get; init; }
}
