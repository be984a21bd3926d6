using System.CommandLine;

namespace Enc.Cli.Commands.Node;

/// <summary>Shared pieces of the <c>enc node</c> verbs.</summary>
internal static class NodeCommandSupport
{
    /// <summary>Reports a node that never registered on stderr; returns <see cref="GlobalOptions.ExitNotFound"/>.</summary>
    public static async Task<int> NotFoundAsync(ParseResult parse, string nodeName)
    {
        await parse.InvocationConfiguration.Error.WriteLineAsync($"enc: node '{nodeName}' not found.");
        return GlobalOptions.ExitNotFound;
    }
}
