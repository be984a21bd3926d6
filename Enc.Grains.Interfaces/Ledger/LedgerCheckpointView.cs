namespace Enc.Grains.Interfaces.Ledger;

/// <summary>A signed tree head as sent to clients (verify it with the signer's key; never trust it unverified).</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Ledger.LedgerCheckpointView")]
public sealed record LedgerCheckpointView
{
    /// <summary>Number of ledger entries.</summary>
    [Id(0)] public required long Size { get; init; }

    /// <summary>RFC 9162 tree head (32 bytes).</summary>
    [Id(1)] public required byte[] Root { get; init; }

    /// <summary>When it was signed, Unix milliseconds.</summary>
    [Id(2)] public required long TimestampMilliseconds { get; init; }

    /// <summary>The signing node's public key (48 bytes).</summary>
    [Id(3)] public required byte[] SignerPublicKey { get; init; }

    /// <summary>BLS signature over the checkpoint message (96 bytes).</summary>
    [Id(4)] public required byte[] Signature { get; init; }
}
