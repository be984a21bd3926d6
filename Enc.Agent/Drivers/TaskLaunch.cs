using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Drivers;

/// <summary>Everything a driver needs to start one instance.</summary>
public sealed record TaskLaunch
{
    /// <summary>The instance id; also the task's name on the node (Docker container <c>enc-&lt;id&gt;</c>).</summary>
    public required string InstanceId { get; init; }

    /// <summary>The workload spec the instance runs.</summary>
    public required WorkloadSpec Spec { get; init; }

    /// <summary>Spec version, recorded on the task so the agent can tell old from new after a rolling update.</summary>
    public long SpecVersion { get; init; }

    /// <summary>Restarts so far; recorded on the task so the count survives an agent restart.</summary>
    public int RestartCount { get; init; }

    /// <summary>Host ports by port name (assigned ports resolved); exported as <c>ENC_PORT_&lt;NAME&gt;</c>.</summary>
    public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int>();

    /// <summary>Environment the agent adds to the spec's: ENC_WORKLOAD, ENC_NAMESPACE, ENC_INSTANCE, ENC_PORT_*.</summary>
    public IReadOnlyDictionary<string, string> AgentEnvironment()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ENC_WORKLOAD"] = Spec.Name,
            ["ENC_NAMESPACE"] = Spec.Namespace,
            ["ENC_INSTANCE"] = InstanceId,
        };
        foreach (var (name, port) in Ports)
        {
            env["ENC_PORT_" + name.ToUpperInvariant().Replace('-', '_')] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return env;
    }
}
