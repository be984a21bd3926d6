using System.CommandLine;

namespace Enc.Cli.Commands.Node;

/// <summary><c>enc node</c>: the node command group.</summary>
public static class NodeCommand
{
    /// <summary>Builds the group with its verbs.</summary>
    public static Command Build() => new("node", "Inspect nodes; label and taint them.")
    {
        NodeListCommand.Build(),
        NodeShowCommand.Build(),
        NodeLabelCommand.Build(),
        NodeTaintCommand.Build(),
        NodeLatencyCommand.Build(),
        NodeReservationsCommand.Build(),
        NodeAuditCommand.Build(),
    };
}
