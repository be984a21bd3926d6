using System.CommandLine;
using Enc.Cli.Output;

namespace Enc.Cli.Commands.Workload;

/// <summary><c>enc logs NAME [-f]</c>: output of a workload's current instances.</summary>
public static class LogsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var name = WorkloadCommandSupport.NameArgument();
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep streaming until the instances end (Ctrl-C to stop)." };
        var command = new Command("logs", "Show a workload's output.") { name, follow };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var workloadName = parse.GetValue(name)!;
            if (await client.Workloads.GetAsync(workloadName, token) is null)
            {
                return await WorkloadCommandSupport.NotFoundAsync(parse, workloadName);
            }

            await foreach (var line in client.Workloads.LogsAsync(workloadName, parse.GetValue(follow), token))
            {
                if (output.Format == OutputFormat.Json)
                {
                    output.Writer.WriteLine(System.Text.Json.JsonSerializer.Serialize(line));
                }
                else if (line.Stream == "stderr")
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync(line.Text);
                }
                else
                {
                    output.Writer.WriteLine(line.Text);
                }
            }

            return 0;
        }, ct));
        return command;
    }
}
