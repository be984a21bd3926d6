using System.CommandLine;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Cli.Commands.Workload;

/// <summary>Shared pieces of the workload verbs: the NAME argument and error reporting.</summary>
public static class WorkloadCommandSupport
{
    /// <summary>A NAME argument ("name" or "namespace/name").</summary>
    public static Argument<string> NameArgument() => new("NAME") { Description = "Workload name, or namespace/name." };

    /// <summary>Runs <paramref name="action"/>, turning spec errors (one line per field) and conflicts into exit code 2.</summary>
    public static async Task<int> GuardAsync(ParseResult parse, Func<Task<int>> action)
    {
        var error = parse.InvocationConfiguration.Error;
        try
        {
            return await action();
        }
        catch (WorkloadSpecException ex)
        {
            await error.WriteLineAsync("enc: invalid workload spec:");
            foreach (var e in ex.Errors)
            {
                await error.WriteLineAsync($"  {e.Field}: {e.Message}");
            }

            return GlobalOptions.ExitInvalid;
        }
        catch (InvalidOperationException ex)
        {
            await error.WriteLineAsync($"enc: {ex.Message}");
            return GlobalOptions.ExitInvalid;
        }
    }

    /// <summary>Writes "workload X not found" and returns the not-found exit code.</summary>
    public static async Task<int> NotFoundAsync(ParseResult parse, string name)
    {
        await parse.InvocationConfiguration.Error.WriteLineAsync($"enc: workload '{Client.Workloads.WorkloadOperations.WorkloadId(name)}' not found.");
        return GlobalOptions.ExitNotFound;
    }
}
