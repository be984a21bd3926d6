using System.CommandLine;
using Enc.Cli.Output;

namespace Enc.Cli.Commands.Workload;

/// <summary><c>enc events [NAME]</c>: workload and instance events, oldest first.</summary>
public static class EventsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var name = new Argument<string?>("NAME") { Description = "Only this workload.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("events", "Show workload events.") { name };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var events = await client.Workloads.EventsAsync(parse.GetValue(name), token);
            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(events);
                return 0;
            }

            output.WriteTable(
                ["TIME", "WORKLOAD", "INSTANCE", "KIND", "MESSAGE"],
                events.Select(e => (IReadOnlyList<string>)
                [
                    e.At.ToString("u", System.Globalization.CultureInfo.InvariantCulture),
                    e.WorkloadId,
                    e.InstanceId ?? "-",
                    e.Kind,
                    e.Message,
                ]));
            return 0;
        }, ct));
        return command;
    }
}
