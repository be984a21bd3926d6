using System.CommandLine;

namespace Enc.Cli.Commands.Cluster;

/// <summary><c>enc cluster</c>: the cluster command group.</summary>
public static class ClusterCommand
{
    /// <summary>Builds the group with its verbs.</summary>
    public static Command Build() => new("cluster", "Inspect the cluster.")
    {
        ClusterStatusCommand.Build(),
    };
}
