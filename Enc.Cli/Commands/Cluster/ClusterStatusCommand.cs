using System.CommandLine;
using System.Globalization;
using Enc.Cli.Output;

namespace Enc.Cli.Commands.Cluster;

/// <summary><c>enc cluster status</c>: silos in the membership and node counts.</summary>
public static class ClusterStatusCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var command = new Command("status", "Show cluster membership and node counts.");
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var status = await client.Cluster.GetStatusAsync(token);
            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(status);
                return 0;
            }

            output.WriteFields(
            [
                ("Cluster", status.ClusterId),
                ("Service", status.ServiceId),
                ("Silos", $"{status.ActiveSilos} active of {status.Silos.Count}"),
                ("Nodes", status.Nodes == 0 ? "0" : string.Join(", ", status.NodesByStatus.OrderBy(p => p.Key).Select(p => $"{p.Value} {p.Key}"))),
            ]);
            output.Writer.WriteLine();
            var now = DateTimeOffset.UtcNow;
            output.WriteTable(
                ["SILO", "ADDRESS", "STATUS", "HOST", "UPTIME"],
                status.Silos.Select(s => (IReadOnlyList<string>)
                [
                    s.Name,
                    s.Address,
                    s.Status,
                    s.HostName,
                    s.Status == "Active" ? Quantities.Age(now - s.StartedAt) : "-",
                ]));
            return 0;
        }, ct));
        return command;
    }
}
