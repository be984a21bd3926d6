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
            // A delete completes only once every node gave its reservations back; until then the workload stays, stopped.
            bool? pending = delete ? await DeletionPendingAsync(client, workloadName, token) : false;
            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(new { workload = id, action = verb, pending });
            }
            else
            {
                output.Writer.WriteLine(
                    !delete ? $"workload {id} stopped"
                    : pending is null ? $"workload {id} delete accepted (could not read whether it waits for node releases; see enc inspect {workloadName})"
                    : pending.Value ? $"workload {id} stopped; it is deleted once its nodes release their reservations (retried; see enc inspect {workloadName})"
                    : $"workload {id} deleted");
            }

            return 0;
        }, ct));
        return command;
    }

    // The delete was accepted; whether it still waits for node releases is informative only, so a failed lookup
    // says "unknown" (null) rather than turning an accepted delete into an error.
    private static async Task<bool?> DeletionPendingAsync(Client.EncClient client, string workloadName, CancellationToken token)
    {
        try
        {
            return (await client.Workloads.GetAsync(workloadName, token))?.Deleting == true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return null;
        }
    }
}
