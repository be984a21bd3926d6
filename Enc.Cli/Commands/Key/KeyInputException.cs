namespace Enc.Cli.Commands.Key;

/// <summary>Invalid input to an <c>enc key</c> verb; the message starts with the option or argument at fault.</summary>
internal sealed class KeyInputException(string field, string problem) : Exception($"{field}: {problem}")
{
    /// <summary>The option or argument at fault (e.g. <c>--public-key</c>).</summary>
    public string Field { get; } = field;
}
