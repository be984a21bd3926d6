using System.CommandLine;
using Enc.Cli.Output;

namespace Enc.Cli.Commands.Workload;

/// <summary><c>enc stop NAME</c> and <c>enc rm NAME</c>: stop a workload's instances (and delete it).</summary>
public static class StopCommand
{
    /// <summary>Builds <c>enc stop</c>.</summary>
    public static Command BuildStop() => Build("stop", "Stop a workload's instances; keep the workload.", delete: false);

    /// <summary>Builds <c>enc rm</c>.</summary>
    public static Command BuildRemove() => Build("rm", "Stop a workload's instances and delete it.", delete: true);

    private static Command Build(string verb, string description, bool delete)
    {
        var name = WorkloadCommandSupport.NameArgument();
        var command = new Command(verb, description) { name };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var workloadName = parse.GetValue(name)!;
            var done = delete ? await client.Workloads.DeleteAsync(workloadName, token) : await client.Workloads.StopAsync(workloadName, token);
            if (!done)
            {
                return await WorkloadCommandSupport.NotFoundAsync(parse, workloadName);
            }

            var id = Client.Workloads.WorkloadOperations.WorkloadId(workloadName);
            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(new { workload = id, action = verb });
            }
            else
            {
                output.Writer.WriteLine(delete ? $"workload {id} deleted" : $"workload {id} stopped");
            }

            return 0;
        }, ct));
        return command;
    }
}
