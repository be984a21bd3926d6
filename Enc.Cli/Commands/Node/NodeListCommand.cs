using System.CommandLine;
using Enc.Cli.Output;

namespace Enc.Cli.Commands.Node;

/// <summary><c>enc node ls</c>: every node with status, resources and age.</summary>
public static class NodeListCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var command = new Command("ls", "List nodes.");
        command.Aliases.Add("list");
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var nodes = await client.Nodes.ListAsync(token);
            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(nodes);
                return 0;
            }

            var now = DateTimeOffset.UtcNow;
            output.WriteTable(
                ["NAME", "STATUS", "ADDRESS", "CPU", "MEMORY", "DISK", "DRIVERS", "WORKLOADS", "AGE"],
                nodes.Select(n => (IReadOnlyList<string>)
                [
                    n.Name,
                    n.Status.ToString(),
                    n.Address,
                    $"{Quantities.Cpu(n.Resources.Allocated.CpuMillicores)}/{Quantities.Cpu(n.Resources.Capacity.CpuMillicores)}",
                    $"{Quantities.Bytes(n.Resources.Allocated.MemoryBytes)}/{Quantities.Bytes(n.Resources.Capacity.MemoryBytes)}",
                    $"{Quantities.Bytes(n.Resources.Allocated.DiskBytes)}/{Quantities.Bytes(n.Resources.Capacity.DiskBytes)}",
                    string.Join(",", n.Capabilities.Drivers),
                    n.Workloads.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Quantities.Age(now - n.RegisteredAt),
                ]));
            return 0;
        }, ct));
        return command;
    }
}
