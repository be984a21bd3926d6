namespace Enc.Cli.Commands.Key;

/// <summary>Invalid input to an <c>enc key</c> verb; the message starts with the option or argument at fault.</summary>
internal sealed class KeyInputException(string field, string problem) : Exception($"{field}: {problem}");
