using System.CommandLine;
using System.Globalization;
using Enc.Cli.Output;

namespace Enc.Cli.Commands.Node;

/// <summary><c>enc node latency</c>: round trips the agents measured between nodes (used by the latency scorer).</summary>
public static class NodeLatencyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var command = new Command("latency", "Show measured node-to-node round trips.");
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var samples = await client.Scheduling.LatenciesAsync(token);
            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(samples);
                return 0;
            }

            output.WriteTable(["FROM", "TO", "RTT", "MEASURED"], samples.Select(s => (IReadOnlyList<string>)
            [
                s.FromNode,
                s.ToNode,
                (s.RoundTripMicroseconds / 1000.0).ToString("0.000", CultureInfo.InvariantCulture) + "ms",
                s.MeasuredAt.ToString("u", CultureInfo.InvariantCulture),
            ]));
            return 0;
        }, ct));
        return command;
    }
}
