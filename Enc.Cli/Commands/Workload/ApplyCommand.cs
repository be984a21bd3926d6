using System.CommandLine;
using Enc.Cli.Output;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Cli.Commands.Workload;

/// <summary><c>enc apply -f FILE</c>: create or update the workloads in a YAML or JSON file.</summary>
public static class ApplyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var file = new Option<string>("--file", "-f") { Description = "YAML or JSON spec file ('-' for stdin).", Required = true };
        var command = new Command("apply", "Create or update workloads from a spec file.") { file };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, (client, output, token) => WorkloadCommandSupport.GuardAsync(parse, async () =>
        {
            var path = parse.GetValue(file)!;
            var text = path == "-" ? await Console.In.ReadToEndAsync(token) : await File.ReadAllTextAsync(path, token);
            var loaded = WorkloadSpecLoader.ParseAll(text);
            var invalid = loaded.Where(l => !l.IsValid).SelectMany(l => l.Errors).ToList();
            if (invalid.Count > 0)
            {
                throw new WorkloadSpecException(invalid);
            }

            var applied = new List<WorkloadSnapshot>();
            foreach (var result in loaded)
            {
                applied.Add(await client.Workloads.ApplyAsync(result.Spec!, token));
            }

            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(applied);
                return 0;
            }

            foreach (var w in applied)
            {
                output.Writer.WriteLine($"workload {w.Id} applied (spec version {w.SpecVersion})");
            }

            return 0;
        }), ct));
        return command;
    }
}
