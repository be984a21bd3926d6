using System.CommandLine;
using Enc.Cli.Output;
using Enc.Client;

namespace Enc.Cli.Commands;

/// <summary>
/// Options every <c>enc</c> command accepts (connection and output), and the helper commands use to
/// connect and report errors uniformly.
/// </summary>
public static class GlobalOptions
{
    /// <summary>Exit code when the cluster cannot be reached.</summary>
    public const int ExitUnreachable = 3;

    /// <summary>Exit code when the requested object does not exist.</summary>
    public const int ExitNotFound = 4;

    /// <summary>Exit code for invalid input.</summary>
    public const int ExitInvalid = 2;

    /// <summary><c>--gateway host:port</c> (env <c>ENC_GATEWAY</c>).</summary>
    public static Option<string> Gateway { get; } = new("--gateway")
    {
        Description = "Gateway of a dev silo, host:port[,host:port] (env ENC_GATEWAY; default 127.0.0.1:30000).",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ENC_GATEWAY") ?? "127.0.0.1:30000",
    };

    /// <summary><c>--connection</c>: PostgreSQL membership (env <c>ENC_CONNECTIONSTRING</c>).</summary>
    public static Option<string> Connection { get; } = new("--connection")
    {
        Description = "PostgreSQL connection string of a production cluster (env ENC_CONNECTIONSTRING); overrides --gateway.",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ENC_CONNECTIONSTRING") ?? "",
    };

    /// <summary><c>--cluster-id</c> (env <c>ENC_CLUSTERID</c>).</summary>
    public static Option<string> ClusterId { get; } = new("--cluster-id")
    {
        Description = "Cluster id (env ENC_CLUSTERID; default enc).",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ENC_CLUSTERID") ?? "enc",
    };

    /// <summary><c>--service-id</c> (env <c>ENC_SERVICEID</c>).</summary>
    public static Option<string> ServiceId { get; } = new("--service-id")
    {
        Description = "Service id (env ENC_SERVICEID; default enc).",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ENC_SERVICEID") ?? "enc",
    };

    /// <summary><c>--timeout</c>: seconds to keep trying to connect.</summary>
    public static Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds to keep trying to reach the cluster (default 10).",
        Recursive = true,
        DefaultValueFactory = _ => 10,
    };

    /// <summary><c>-o table|json</c>.</summary>
    public static Option<OutputFormat> Output { get; } = new("--output", "-o")
    {
        Description = "Output format: table (default) or json.",
        Recursive = true,
        DefaultValueFactory = _ => OutputFormat.Table,
    };

    /// <summary>Adds the global options to the root command.</summary>
    public static void AddTo(RootCommand root)
    {
        root.Add(Gateway);
        root.Add(Connection);
        root.Add(ClusterId);
        root.Add(ServiceId);
        root.Add(Timeout);
        root.Add(Output);
    }

    /// <summary>
    /// Connects, runs <paramref name="action"/>, and maps failures to a message on stderr and a
    /// non-zero exit code.
    /// </summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<EncClient, CommandOutput, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        var output = new CommandOutput(parse.InvocationConfiguration.Output, parse.GetValue(Output));
        var error = parse.InvocationConfiguration.Error;
        var options = new EncClientOptions
        {
            Gateway = parse.GetValue(Gateway)!,
            ConnectionString = parse.GetValue(Connection)!,
            ClusterId = parse.GetValue(ClusterId)!,
            ServiceId = parse.GetValue(ServiceId)!,
            ConnectTimeout = TimeSpan.FromSeconds(Math.Max(0.1, parse.GetValue(Timeout))),
        };
        try
        {
            await using var client = await EncClient.ConnectAsync(options, cancellationToken);
            return await action(client, output, cancellationToken);
        }
        catch (EncClusterUnavailableException ex)
        {
            await error.WriteLineAsync($"enc: {ex.Message}");
            return ExitUnreachable;
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync($"enc: {ex.Message}");
            return ExitInvalid;
        }
    }
}
