using System.CommandLine;
using System.Globalization;
using Enc.Cli.Output;
using Enc.Grains.Interfaces.Nodes;

namespace Enc.Cli.Commands.Node;

/// <summary><c>enc node show NAME</c>: one node in full, including its status history.</summary>
public static class NodeShowCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var name = new Argument<string>("NAME") { Description = "Node name." };
        var command = new Command("show", "Show one node.") { name };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var nodeName = parse.GetValue(name)!;
            var node = await client.Nodes.GetAsync(nodeName, token);
            if (node is null)
            {
                return await NodeCommandSupport.NotFoundAsync(parse, nodeName);
            }

            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(node);
                return 0;
            }

            Write(output, node);
            return 0;
        }, ct));
        return command;
    }

    private static void Write(CommandOutput output, NodeSnapshot n)
    {
        var c = n.Capabilities;
        var r = n.Resources;
        output.WriteFields(
        [
            ("Name", n.Name),
            ("Id", n.Id),
            ("Status", n.Status.ToString()),
            ("Address", n.Address),
            ("Registered", n.RegisteredAt.ToString("u", CultureInfo.InvariantCulture)),
            ("Last heartbeat", n.LastHeartbeat.ToString("u", CultureInfo.InvariantCulture)),
            ("OS/Arch", $"{c.OperatingSystem}/{c.Architecture}"),
            ("Drivers", string.Join(", ", c.Drivers)),
            ("Zone/Region", $"{Dash(c.Zone)}/{Dash(c.Region)}"),
            ("Labels", c.Labels.Count == 0 ? "-" : string.Join(", ", c.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"))),
            ("Taints", n.Taints.Count == 0 ? "-" : string.Join(", ", n.Taints.Select(t => t.ToString()))),
            ("Consensus weight", n.ConsensusWeight.ToString(CultureInfo.InvariantCulture)),
            ("Public key", n.PublicKey ?? "-"),
            ("CPU", $"{Quantities.Cpu(r.Allocated.CpuMillicores)} of {Quantities.Cpu(r.Capacity.CpuMillicores)} allocated"),
            ("Memory", $"{Quantities.Bytes(r.Allocated.MemoryBytes)} of {Quantities.Bytes(r.Capacity.MemoryBytes)} allocated"),
            ("Disk", $"{Quantities.Bytes(r.Allocated.DiskBytes)} of {Quantities.Bytes(r.Capacity.DiskBytes)} allocated"),
            ("Network", $"{Quantities.Bandwidth(r.Allocated.NetworkBitsPerSecond)} of {Quantities.Bandwidth(r.Capacity.NetworkBitsPerSecond)} allocated"),
            ("Workloads", n.Workloads.Count == 0 ? "-" : string.Join(", ", n.Workloads)),
        ]);
        output.Writer.WriteLine();
        output.Writer.WriteLine("History:");
        output.WriteTable(
            ["TIME", "FROM", "TO", "REASON"],
            n.History.Select(h => (IReadOnlyList<string>)
            [
                h.At.ToString("u", CultureInfo.InvariantCulture),
                h.From == NodeStatus.Invalid ? "-" : h.From.ToString(),
                h.To.ToString(),
                h.Reason,
            ]));
    }

    private static string Dash(string value) => value.Length == 0 ? "-" : value;
}
