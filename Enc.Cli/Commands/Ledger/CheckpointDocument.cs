using System.Globalization;
using Enc.Ledger.Batches;

namespace Enc.Cli.Commands.Ledger;

/// <summary>
/// A signed tree head as <c>enc ledger head -o json</c> prints it; saved to a file, it is the trusted head
/// a later <c>enc ledger head --trusted-head FILE</c> checks the ledger's growth against.
/// </summary>
public sealed record CheckpointDocument
{
    /// <summary>Number of entries.</summary>
    public required long Size { get; init; }

    /// <summary>Tree head, hex.</summary>
    public required string Root { get; init; }

    /// <summary>Signing time, Unix milliseconds.</summary>
    public required long TimestampMilliseconds { get; init; }

    /// <summary>Signing time, ISO 8601 (informational).</summary>
    public string? Time { get; init; }

    /// <summary>Signer public key, hex.</summary>
    public required string SignerPublicKey { get; init; }

    /// <summary>Signature, hex.</summary>
    public required string Signature { get; init; }

    /// <summary>From a checkpoint.</summary>
    public static CheckpointDocument From(SignedCheckpoint c) => new()
    {
        Size = c.Size,
        Root = Convert.ToHexStringLower(c.Root),
        TimestampMilliseconds = c.TimestampMilliseconds,
        Time = DateTimeOffset.FromUnixTimeMilliseconds(c.TimestampMilliseconds).ToString("O", CultureInfo.InvariantCulture),
        SignerPublicKey = Convert.ToHexStringLower(c.SignerPublicKey),
        Signature = Convert.ToHexStringLower(c.Signature),
    };

    /// <summary>Back to a checkpoint.</summary>
    /// <exception cref="FormatException">A hex field is malformed.</exception>
    public SignedCheckpoint ToCheckpoint() => new()
    {
        Size = Size,
        Root = Convert.FromHexString(Root),
        TimestampMilliseconds = TimestampMilliseconds,
        SignerPublicKey = Convert.FromHexString(SignerPublicKey),
        Signature = Convert.FromHexString(Signature),
    };
}
