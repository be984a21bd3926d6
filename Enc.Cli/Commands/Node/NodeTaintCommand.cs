using System.CommandLine;

namespace Enc.Cli.Commands.Node;

/// <summary>
/// <c>enc node taint NODE key=value:Effect [key:Effect-] [key-] ...</c>: adds or removes taints, kubectl-style.
/// A NoExecute taint evicts the node's running instances that do not tolerate it.
/// </summary>
public static class NodeTaintCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var node = new Argument<string>("NODE") { Description = "Node name." };
        var taints = new Argument<string[]>("TAINT")
        {
            Description = "key=value:Effect or key:Effect to add (Effect: NoSchedule, PreferNoSchedule, NoExecute); key:Effect- or key- to remove.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("taint", "Add or remove taints on a node.") { node, taints };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var nodeName = parse.GetValue(node)!;
            var updated = await client.Nodes.TaintAsync(nodeName, parse.GetValue(taints)!, token);
            return await NodeMarkingOutput.WriteAsync(parse, output, nodeName, updated, n => n.Taints.Select(t => t.ToString()));
        }, ct));
        return command;
    }
}
