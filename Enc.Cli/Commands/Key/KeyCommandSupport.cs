using System.CommandLine;
using System.Text;
using Enc.Cli.Output;
using Enc.Crypto.Bls;

namespace Enc.Cli.Commands.Key;

/// <summary>Shared pieces of the offline <c>enc key</c> verbs: input parsing that names the bad option, and error mapping.</summary>
internal static class KeyCommandSupport
{
    /// <summary>Exit code when a signature or proof does not verify.</summary>
    public const int ExitInvalidSignature = 1;

    /// <summary><c>--message TEXT</c>: the message as UTF-8.</summary>
    public static Option<string> MessageOption() => new("--message") { Description = "The message, as UTF-8 text." };

    /// <summary><c>--message-file PATH</c>: the message as the file's bytes.</summary>
    public static Option<string> MessageFileOption() => new("--message-file") { Description = "Read the message bytes from this file." };

    /// <summary>
    /// Runs an offline key command: maps invalid input (<see cref="KeyInputException"/>, <see cref="BlsException"/>
    /// from the key file) to a message on stderr and exit code <see cref="GlobalOptions.ExitInvalid"/>.
    /// </summary>
    public static Task<int> RunAsync(ParseResult parse, Func<CommandOutput, int> action)
    {
        var output = new CommandOutput(parse.InvocationConfiguration.Output, parse.GetValue(GlobalOptions.Output));
        try
        {
            return Task.FromResult(action(output));
        }
        catch (KeyInputException ex)
        {
            parse.InvocationConfiguration.Error.WriteLine($"enc: {ex.Message}");
            return Task.FromResult(GlobalOptions.ExitInvalid);
        }
    }

    /// <summary>The message bytes from exactly one of <c>--message</c> and <c>--message-file</c>.</summary>
    public static byte[] ReadMessage(ParseResult parse, Option<string> message, Option<string> messageFile)
    {
        var text = parse.GetValue(message);
        var file = parse.GetValue(messageFile);
        if ((text is null) == (file is null))
        {
            throw new KeyInputException("--message", "give exactly one of --message and --message-file.");
        }

        if (text is not null)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        try
        {
            return File.ReadAllBytes(file!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KeyInputException("--message-file", $"cannot read '{file}': {ex.Message}");
        }
    }

    /// <summary>Loads a key file, naming the argument on failure (missing, unreadable, malformed, not owner-only, invalid key).</summary>
    public static BlsSecretKey LoadKey(string path, string argumentName)
    {
        try
        {
            return BlsSecretKey.Load(path);
        }
        catch (BlsException ex)
        {
            throw new KeyInputException(argumentName, Reason(ex));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KeyInputException(argumentName, $"cannot read '{path}': {ex.Message}");
        }
    }

    /// <summary>Parses a hex value with <paramref name="parse"/>, naming <paramref name="optionName"/> when it is not valid.</summary>
    public static T ParseHex<T>(string? hex, string optionName, Func<string, T> parse)
    {
        if (string.IsNullOrWhiteSpace(hex))
        {
            throw new KeyInputException(optionName, "is required.");
        }

        try
        {
            return parse(hex.Trim());
        }
        catch (BlsException ex)
        {
            throw new KeyInputException(optionName, Reason(ex));
        }
    }

    /// <summary>The exception's message without the library's parameter suffix (the CLI names its own option instead).</summary>
    private static string Reason(BlsException ex) =>
        ex.ParamName is null ? ex.Message : ex.Message.Replace($" (parameter '{ex.ParamName}')", "", StringComparison.Ordinal);

    /// <summary>Writes a key's public part: its public key and proof of possession, as fields or JSON.</summary>
    public static void WritePublicPart(CommandOutput output, string path, BlsSecretKey key)
    {
        var publicKey = key.PublicKey.ToHex();
        var proof = key.ProvePossession().ToHex();
        if (output.Format == OutputFormat.Json)
        {
            output.WriteJson(new { path = Path.GetFullPath(path), publicKey, proofOfPossession = proof });
            return;
        }

        output.WriteFields([("Key file", Path.GetFullPath(path)), ("Public key", publicKey), ("Proof of possession", proof)]);
    }
}
