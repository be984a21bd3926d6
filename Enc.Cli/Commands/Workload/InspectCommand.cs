using System.CommandLine;
using Enc.Cli.Output;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Cli.Commands.Workload;

/// <summary><c>enc inspect NAME</c>: a workload's spec, state and instances.</summary>
public static class InspectCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var name = WorkloadCommandSupport.NameArgument();
        var command = new Command("inspect", "Show a workload in full.") { name };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var workloadName = parse.GetValue(name)!;
            if (await client.Workloads.GetAsync(workloadName, token) is not { } w)
            {
                return await WorkloadCommandSupport.NotFoundAsync(parse, workloadName);
            }

            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(w);
                return 0;
            }

            var s = w.Spec;
            output.WriteFields(
            [
                ("Workload", w.Id),
                ("Spec version", w.SpecVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Desired", w.Deleting ? "deleting (waiting for node releases)" : w.Stopped ? "stopped" : $"{s.Replicas} replica(s)"),
                ("Driver", s.Driver.ToString().ToLowerInvariant()),
                ("Image", s.Image ?? "-"),
                ("Command", s.Command.Concat(s.Args).Any() ? string.Join(' ', s.Command.Concat(s.Args)) : "-"),
                ("Resources", $"cpu {Quantity.FormatMillicores(s.Resources.CpuMillicores)} (limit {(s.Resources.CpuLimitMillicores is { } limit ? Quantity.FormatMillicores(limit) : "none")}), memory {Quantity.FormatBytes(s.Resources.MemoryBytes)}, disk {Quantity.FormatBytes(s.Resources.DiskBytes)}"),
                ("Network", s.Network.ToString().ToLowerInvariant()),
                ("Ports", s.Ports.Count == 0 ? "-" : string.Join(", ", s.Ports.Select(p => $"{p.Name}={(p.Port == 0 ? "assign" : p.Port)}"))),
                ("Restart", $"{s.RestartPolicy.Mode} (backoff {DurationText.Format(s.RestartPolicy.BackoffBase)} to {DurationText.Format(s.RestartPolicy.BackoffCap)})"),
                ("Health check", s.HealthCheck is { } h ? $"{h.Type} every {DurationText.Format(h.Interval)}, threshold {h.FailureThreshold}" : "-"),
                ("Algorithm", s.Scheduling.Algorithm ?? "(cluster default)"),
                ("Created", w.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture)),
            ]);
            output.Writer.WriteLine();
            output.WriteTable(
                ["INSTANCE", "VERSION", "NODE", "STATE", "RESTARTS", "EXIT", "PORTS", "REASON"],
                w.Instances.Select(i => (IReadOnlyList<string>)
                [
                    i.InstanceId,
                    i.SpecVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    i.NodeName ?? "-",
                    i.State.ToString(),
                    i.RestartCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    i.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    i.Ports.Count == 0 ? "-" : string.Join(",", i.Ports.Select(p => $"{p.Key}={p.Value}")),
                    i.Reason ?? "",
                ]));
            return 0;
        }, ct));
        return command;
    }
}
