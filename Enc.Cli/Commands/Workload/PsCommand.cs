using System.CommandLine;
using Enc.Cli.Output;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Cli.Commands.Workload;

/// <summary><c>enc ps [NAME] [-a]</c>: instances with node, state, restarts and age.</summary>
public static class PsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var name = new Argument<string?>("NAME") { Description = "Only this workload.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all", "-a") { Description = "Include stopped and replaced instances." };
        var command = new Command("ps", "List workload instances.") { name, all };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var instances = (await client.Workloads.InstancesAsync(parse.GetValue(name), token))
                .Where(i => parse.GetValue(all) || i.State != InstanceState.Stopped)
                .OrderBy(i => i.WorkloadId, StringComparer.Ordinal).ThenBy(i => i.Ordinal).ToList();
            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(instances);
                return 0;
            }

            var now = DateTimeOffset.UtcNow;
            output.WriteTable(
                ["WORKLOAD", "INSTANCE", "NODE", "STATE", "RESTARTS", "EXIT", "AGE", "REASON"],
                instances.Select(i => (IReadOnlyList<string>)
                [
                    i.WorkloadId,
                    i.InstanceId,
                    i.NodeName ?? "-",
                    i.State.ToString(),
                    i.RestartCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    i.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    Quantities.Age(now - i.CreatedAt),
                    i.Reason ?? "",
                ]));
            return 0;
        }, ct));
        return command;
    }
}
