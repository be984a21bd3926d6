using System.CommandLine;
using System.Globalization;
using Enc.Cli.Commands.Workload;
using Enc.Cli.Output;
using Enc.Grains.Interfaces.Scheduling;

namespace Enc.Cli.Commands.Scheduling;

/// <summary>
/// <c>enc explain NAME</c>: the workload's last scheduling decision: outcome, algorithm, and every node
/// with the filter that rejected it or its per-plugin scores and total.
/// </summary>
public static class ExplainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var name = WorkloadCommandSupport.NameArgument();
        var command = new Command("explain", "Explain a workload's last scheduling decision, node by node.") { name };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var workloadName = parse.GetValue(name)!;
            if (await client.Workloads.GetAsync(workloadName, token) is null)
            {
                return await WorkloadCommandSupport.NotFoundAsync(parse, workloadName);
            }

            if (await client.Scheduling.ExplainAsync(workloadName, token) is not { } decision)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"enc: workload '{workloadName}' has no scheduling decision yet.");
                return GlobalOptions.ExitNotFound;
            }

            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(decision);
                return 0;
            }

            Write(output, decision);
            return 0;
        }, ct));
        return command;
    }

    private static void Write(CommandOutput output, SchedulingExplanation d)
    {
        output.WriteFields(
        [
            ("Workload", d.WorkloadId),
            ("Instance", $"{d.InstanceId} (replica {d.Replica.ToString(CultureInfo.InvariantCulture)})"),
            ("Decided", d.DecidedAt.ToString("u", CultureInfo.InvariantCulture)),
            ("Outcome", d.Outcome == ExplanationOutcome.Placed ? $"Placed on {d.NodeName} (score {d.FinalScore.ToString(CultureInfo.InvariantCulture)})" : "Pending"),
            ("Algorithm", d.ResourceStrategy.Length == 0 ? d.Algorithm : $"{d.Algorithm}/{d.ResourceStrategy}"),
            ("Priority", d.Priority.ToString(CultureInfo.InvariantCulture)),
            ("Nodes", $"{d.FeasibleNodes.ToString(CultureInfo.InvariantCulture)} feasible of {d.TotalNodes.ToString(CultureInfo.InvariantCulture)}"),
            ("Message", d.Message.Length == 0 ? "-" : d.Message),
        ]);
        if (d.Evictions.Count > 0)
        {
            output.Writer.WriteLine();
            output.Writer.WriteLine("Preempted:");
            output.WriteTable(["INSTANCE", "WORKLOAD", "NODE", "PRIORITY"], d.Evictions.Select(e => (IReadOnlyList<string>)
                [e.InstanceId, e.WorkloadId, e.NodeName, e.Priority.ToString(CultureInfo.InvariantCulture)]));
        }

        output.Writer.WriteLine();
        output.WriteTable(["NODE", "VERDICT", "FILTER", "REASON", "SCORES", "TOTAL"], d.Nodes.Select(n => (IReadOnlyList<string>)
        [
            n.NodeName,
            n.Verdict.ToString(),
            n.Filter.Length == 0 ? "-" : n.Filter,
            n.Reason.Length == 0 ? "-" : n.Reason,
            n.Scores.Count == 0 ? "-" : string.Join(" ", n.Scores.Select(s => $"{s.Plugin}={s.Score.ToString(CultureInfo.InvariantCulture)}x{s.Weight.ToString(CultureInfo.InvariantCulture)}")),
            n.Verdict is NodeVerdictKind.Scored or NodeVerdictKind.Selected ? n.Total.ToString(CultureInfo.InvariantCulture) : "-",
        ]));
    }
}
