using System.CommandLine;
using System.Text.Json;
using Enc.Client;

namespace Enc.Cli.Commands.Ledger;

/// <summary>Options and trust inputs shared by the ledger commands.</summary>
public static class LedgerCommandSupport
{
    /// <summary>Exit code when verification fails.</summary>
    public const int ExitVerificationFailed = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary><c>--trusted-keys FILE</c>: node public keys to trust, hex, one per line.</summary>
    public static Option<FileInfo?> TrustedKeysOption() => new("--trusted-keys")
    {
        Description = "File of trusted node public keys (hex, one per line; '#' comments). Default: the keys the cluster's node records report.",
    };

    /// <summary>
    /// The keys to verify with: from <paramref name="file"/> when given (trust pinned out of band), otherwise
    /// those the cluster's node records report (and the description says so).
    /// </summary>
    /// <exception cref="ArgumentException">The file is missing or a line is not a 48-byte hex key.</exception>
    public static async Task<(IReadOnlyList<byte[]> Keys, string Source)> TrustedKeysAsync(EncClient client, FileInfo? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return (await client.Ledger.GetNodeKeysAsync(cancellationToken), "node keys reported by the cluster");
        }

        if (!file.Exists)
        {
            throw new ArgumentException($"--trusted-keys: file '{file.FullName}' does not exist");
        }

        var keys = new List<byte[]>();
        var lines = await File.ReadAllLinesAsync(file.FullName, cancellationToken);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.Length != 96 || !line.All(Uri.IsHexDigit))
            {
                throw new ArgumentException($"--trusted-keys: line {i + 1} of '{file.Name}' is not a 48-byte hex public key");
            }

            keys.Add(Convert.FromHexString(line));
        }

        return (keys, $"keys from {file.Name}");
    }

    /// <summary>Reads a head saved from <c>enc ledger head -o json</c>.</summary>
    /// <exception cref="ArgumentException">The file is missing or not such a document.</exception>
    public static async Task<CheckpointDocument> ReadCheckpointAsync(FileInfo file, string option, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new ArgumentException($"{option}: file '{file.FullName}' does not exist");
        }

        try
        {
            await using var stream = file.OpenRead();
            var document = await JsonSerializer.DeserializeAsync<CheckpointDocument>(stream, Json, cancellationToken)
                ?? throw new ArgumentException($"{option}: '{file.Name}' is empty");
            _ = document.ToCheckpoint();
            return document;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw new ArgumentException($"{option}: '{file.Name}' is not a head saved by 'enc ledger head -o json': {ex.Message}", ex);
        }
    }

    /// <summary>Lowercase hex, or "-" for null.</summary>
    public static string Hex(byte[]? bytes) => bytes is null ? "-" : Convert.ToHexStringLower(bytes);

    /// <summary>Display name of a receipt kind value.</summary>
    public static string KindName(ushort kind) =>
        Enum.IsDefined(typeof(Enc.Ledger.Receipts.ReceiptKind), kind) ? ((Enc.Ledger.Receipts.ReceiptKind)kind).ToString() : kind.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
