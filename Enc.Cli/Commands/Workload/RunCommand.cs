using System.CommandLine;
using Enc.Cli.Output;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Cli.Commands.Workload;

/// <summary>
/// <c>enc run --name web --image busybox:local --cpu 250m [--cpu-limit 500m] --memory 64Mi [--driver docker|process] [--replicas N] -- CMD...</c>:
/// submit a workload from flags.
/// </summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var name = new Option<string>("--name") { Description = "Workload name (or namespace/name).", Required = true };
        var image = new Option<string?>("--image") { Description = "Docker image (name:tag or name@sha256:...)." };
        var cpu = new Option<string>("--cpu") { Description = "CPU request (reserved, relative weight), e.g. 250m or 1.", DefaultValueFactory = _ => "100m" };
        var cpuLimit = new Option<string?>("--cpu-limit") { Description = "Hard CPU limit (CFS quota), e.g. 500m; none by default." };
        var memory = new Option<string>("--memory") { Description = "Memory quantity, e.g. 64Mi.", DefaultValueFactory = _ => "128Mi" };
        var driver = new Option<string>("--driver") { Description = "docker or process.", DefaultValueFactory = _ => "docker" };
        var replicas = new Option<int>("--replicas") { Description = "Number of instances.", DefaultValueFactory = _ => 1 };
        var restart = new Option<string>("--restart") { Description = "Always, OnFailure or Never.", DefaultValueFactory = _ => "Always" };
        var env = new Option<string[]>("--env", "-e") { Description = "NAME=VALUE (repeatable).", AllowMultipleArgumentsPerToken = false };
        var commandLine = new Argument<string[]>("COMMAND") { Description = "Command and arguments, after --.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("run", "Submit a workload from flags.") { name, image, cpu, cpuLimit, memory, driver, replicas, restart, env, commandLine };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, (client, output, token) => WorkloadCommandSupport.GuardAsync(parse, async () =>
        {
            var spec = SpecFrom(parse);
            var created = await client.Workloads.SubmitAsync(spec, token);
            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(created);
            }
            else
            {
                output.Writer.WriteLine($"workload {created.Id} submitted ({created.Instances.Count} instance(s))");
            }

            return 0;
        }), ct));
        return command;
    }

    /// <summary>The spec the parsed flags of <c>enc run</c> describe (throws <see cref="WorkloadSpecException"/> naming the fields).</summary>
    public static WorkloadSpec SpecFrom(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return BuildSpec(
            parse.GetValue<string>("--name")!, parse.GetValue<string?>("--image"), parse.GetValue<string>("--cpu")!, parse.GetValue<string?>("--cpu-limit"),
            parse.GetValue<string>("--memory")!, parse.GetValue<string>("--driver")!, parse.GetValue<int>("--replicas"), parse.GetValue<string>("--restart")!,
            parse.GetValue<string[]>("--env") ?? [], parse.GetValue<string[]>("COMMAND") ?? []);
    }

    /// <summary>Turns the flags into a spec document and loads it, so flag errors name the same fields as file errors.</summary>
    public static WorkloadSpec BuildSpec(
        string name, string? image, string cpu, string? cpuLimit, string memory, string driver, int replicas, string restart,
        IReadOnlyList<string> env, IReadOnlyList<string> commandLine)
    {
        var (ns, shortName) = name.Contains('/', StringComparison.Ordinal) ? (name.Split('/', 2)[0], name.Split('/', 2)[1]) : (WorkloadSpec.DefaultNamespace, name);
        var doc = new Dictionary<string, object?>
        {
            ["name"] = shortName,
            ["namespace"] = ns,
            ["driver"] = driver,
            ["image"] = image,
            ["command"] = commandLine.Count > 0 ? commandLine : null,
            ["replicas"] = replicas,
            ["restartPolicy"] = restart,
            ["resources"] = WithoutNulls(new Dictionary<string, string?> { ["cpu"] = cpu, ["cpuLimit"] = cpuLimit, ["memory"] = memory }),
            ["env"] = env.Count > 0 ? env.Select(e => e.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "") : null,
        };
        var json = System.Text.Json.JsonSerializer.Serialize(WithoutNulls(doc));
        return WorkloadSpecLoader.ParseOrThrow(json);
    }

    // Absent flags are left out of the document, so the loader applies its defaults.
    private static Dictionary<string, T> WithoutNulls<T>(Dictionary<string, T?> map)
        where T : class =>
        map.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!);
}
