using System.CommandLine;
using Enc.Cli.Output;
using Enc.Grains.Interfaces.Nodes;

namespace Enc.Cli.Commands.Node;

/// <summary>The shared result output of <c>enc node label</c> and <c>enc node taint</c>.</summary>
public static class NodeMarkingOutput
{
    /// <summary>Writes the node's resulting labels or taints (or the node as JSON); not-found when it never registered.</summary>
    public static async Task<int> WriteAsync(ParseResult parse, CommandOutput output, string nodeName, NodeSnapshot? node, Func<NodeSnapshot, IEnumerable<string>> lines)
    {
        if (node is null)
        {
            return await NodeCommandSupport.NotFoundAsync(parse, nodeName);
        }

        if (output.Format == OutputFormat.Json)
        {
            output.WriteJson(node);
            return 0;
        }

        output.Writer.WriteLine($"node/{node.Name} updated");
        foreach (var line in lines(node))
        {
            output.Writer.WriteLine("  " + line);
        }

        return 0;
    }
}
