namespace Enc.Grains.Interfaces.Workloads;

/// <summary>
/// What to run: the desired state of one workload, as submitted in YAML or JSON (see docs/workloads.md).
/// Check it with <see cref="WorkloadSpecValidator"/>; load it with <see cref="WorkloadSpecLoader"/>.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Workloads.WorkloadSpec")]
public sealed record WorkloadSpec
{
    /// <summary>The namespace used when a spec names none.</summary>
    public const string DefaultNamespace = "default";

    /// <summary>Workload name, unique in its namespace (DNS label: lowercase letters, digits, '-').</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>Namespace (DNS label).</summary>
    [Id(1)] public string Namespace { get; init; } = DefaultNamespace;

    /// <summary>Driver that runs the instances.</summary>
    [Id(2)] public required WorkloadDriver Driver { get; init; }

    /// <summary>Docker image, <c>name:tag</c> or <c>name@sha256:&lt;64 hex&gt;</c>; empty for the process driver.</summary>
    [Id(3)] public string? Image { get; init; }

    /// <summary>Executable and leading arguments (docker: replaces the image entrypoint; process: required).</summary>
    [Id(4)] public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>Arguments after the command (docker: replaces the image CMD).</summary>
    [Id(5)] public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Environment variables; names starting with <c>ENC_</c> are reserved for the agent.</summary>
    [Id(6)] public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>Resources reserved (and, for CPU and memory, enforced) per instance.</summary>
    [Id(7)] public required WorkloadResources Resources { get; init; }

    /// <summary>Number of instances (0 keeps the workload defined but runs nothing).</summary>
    [Id(8)] public int Replicas { get; init; } = 1;

    /// <summary>Host ports; any port requires <see cref="WorkloadNetworkMode.Host"/>.</summary>
    [Id(9)] public IReadOnlyList<WorkloadPort> Ports { get; init; } = [];

    /// <summary>Network mode: none (default without ports) or host.</summary>
    [Id(10)] public WorkloadNetworkMode Network { get; init; } = WorkloadNetworkMode.None;

    /// <summary>Workload labels (copied onto containers); keys starting with <c>enc.</c> are reserved.</summary>
    [Id(11)] public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Restart policy.</summary>
    [Id(12)] public WorkloadRestartPolicy RestartPolicy { get; init; } = WorkloadRestartPolicy.Default;

    /// <summary>Optional health check.</summary>
    [Id(13)] public WorkloadHealthCheck? HealthCheck { get; init; }

    /// <summary>Placement hints.</summary>
    [Id(14)] public WorkloadScheduling Scheduling { get; init; } = WorkloadScheduling.Default;

    /// <summary>Time between the stop signal (SIGTERM) and SIGKILL.</summary>
    [Id(15)] public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>"namespace/name", the workload's cluster-wide id.</summary>
    public string Id => Namespace + "/" + Name;
}
