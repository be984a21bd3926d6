using System.CommandLine;

namespace Enc.Cli.Commands.Node;

/// <summary><c>enc node label NODE key=value [key-] ...</c>: sets or removes operator labels, kubectl-style.</summary>
public static class NodeLabelCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var node = new Argument<string>("NODE") { Description = "Node name." };
        var labels = new Argument<string[]>("LABEL")
        {
            Description = "key=value to set, key- to remove (keys starting with 'enc.' are reserved).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("label", "Set or remove labels on a node.") { node, labels };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var nodeName = parse.GetValue(node)!;
            var updated = await client.Nodes.LabelAsync(nodeName, parse.GetValue(labels)!, token);
            return await NodeMarkingOutput.WriteAsync(parse, output, nodeName, updated,
                n => n.Capabilities.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
        }, ct));
        return command;
    }
}
