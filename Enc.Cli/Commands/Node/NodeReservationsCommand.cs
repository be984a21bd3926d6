using System.CommandLine;
using System.Globalization;
using Enc.Cli.Output;

namespace Enc.Cli.Commands.Node;

/// <summary><c>enc node reservations NAME</c>: the resources a node holds for instances, with their owner and age.</summary>
public static class NodeReservationsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var name = new Argument<string>("NAME") { Description = "Node name." };
        var command = new Command("reservations", "List a node's reservations: instance, workload, resources, age.") { name };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var nodeName = parse.GetValue(name)!;
            var reservations = await client.Nodes.ReservationsAsync(nodeName, token);
            if (reservations is null)
            {
                return await NodeCommandSupport.NotFoundAsync(parse, nodeName);
            }

            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(reservations);
                return 0;
            }

            var now = DateTimeOffset.UtcNow;
            output.WriteTable(["INSTANCE", "WORKLOAD", "CPU", "MEMORY", "SERIAL", "AGE"], reservations.OrderBy(r => r.Serial).Select(r => (IReadOnlyList<string>)
            [
                r.InstanceId,
                r.WorkloadId ?? "-",
                Quantities.Cpu(r.Resources.CpuMillicores),
                Quantities.Bytes(r.Resources.MemoryBytes),
                r.Serial.ToString(CultureInfo.InvariantCulture),
                Quantities.Age(now - r.ReservedAt),
            ]));
            return 0;
        }, ct));
        return command;
    }
}
