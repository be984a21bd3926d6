using System.CommandLine;
using Enc.Cli.Output;

namespace Enc.Cli.Commands.Node;

/// <summary>
/// <c>enc node audit NAME</c>: runs the node's reservation audit now (it also runs on a timer) and prints what it asked
/// about, released, could not ask, and could not attribute (docs/workloads.md, "Reservation audit").
/// </summary>
public static class NodeAuditCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var name = new Argument<string>("NAME") { Description = "Node name." };
        var command = new Command("audit", "Audit a node's reservations now: release those no workload holds any more.") { name };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var nodeName = parse.GetValue(name)!;
            var report = await client.Nodes.AuditReservationsAsync(nodeName, token);
            if (report is null)
            {
                return await NodeCommandSupport.NotFoundAsync(parse, nodeName);
            }

            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(report);
                return 0;
            }

            static string List(IReadOnlyList<string> ids) => ids.Count == 0 ? "-" : string.Join(", ", ids);
            output.WriteFields(
            [
                ("Node", report.NodeName),
                ("Asked", $"{report.Asked.Count} ({List(report.Asked)})"),
                ("Released", $"{report.Released.Count} ({List(report.Released)})"),
                ("Unreachable", $"{report.Unreachable.Count} ({List(report.Unreachable)})"),
                ("Owner unknown", $"{report.OwnerUnknown.Count} ({List(report.OwnerUnknown)})"),
            ]);
            return 0;
        }, ct));
        return command;
    }
}
