namespace Enc.Grains.Interfaces.Workloads;

/// <summary>
/// Checks a <see cref="WorkloadSpec"/> field by field and returns every problem found, each naming the
/// field path as written in YAML/JSON (e.g. <c>resources.memory</c>, <c>healthCheck.timeout</c>).
/// </summary>
public sealed partial class WorkloadSpecValidator
{
    /// <summary>Most replicas one workload may ask for.</summary>
    public const int MaxReplicas = 1000;

    /// <summary>Smallest memory limit the Docker engine accepts (6 MiB).</summary>
    public const long MinDockerMemoryBytes = 6L * 1024 * 1024;

    /// <summary>
    /// Smallest hard CPU limit (10m): a CFS quota of 1 ms per 100 ms period, the kernel's minimum quota
    /// (Docker refuses a smaller <c>NanoCPUs</c> as well).
    /// </summary>
    public const long MinCpuLimitMillicores = 10;

    /// <summary>Prefix of label keys reserved for ENC.</summary>
    public const string ReservedLabelPrefix = "enc.";

    /// <summary>Prefix of environment variables reserved for the agent.</summary>
    public const string ReservedEnvPrefix = "ENC_";

    /// <summary>Returns every error in <paramref name="spec"/>; an empty list means the spec is valid.</summary>
    public IReadOnlyList<WorkloadSpecError> Validate(WorkloadSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<WorkloadSpecError>();
        ValidateIdentity(spec, errors);
        ValidateDriverAndCommand(spec, errors);
        ValidateEnv(spec, errors);
        ValidateResources(spec, errors);
        ValidateNetworkAndPorts(spec, errors);
        ValidateLabels(spec.Labels, "labels", errors);
        ValidateRestartPolicy(spec.RestartPolicy, errors);
        ValidateHealthCheck(spec, errors);
        ValidateScheduling(spec.Scheduling, errors);
        if (spec.StopGracePeriod < TimeSpan.Zero || spec.StopGracePeriod > TimeSpan.FromHours(1))
        {
            Add(errors, "stopGracePeriod", "must be between 0s and 1h");
        }

        return errors;
    }

    /// <summary>Throws <see cref="WorkloadSpecException"/> listing every error when the spec is invalid.</summary>
    public void EnsureValid(WorkloadSpec spec)
    {
        var errors = Validate(spec);
        if (errors.Count > 0)
        {
            throw new WorkloadSpecException(errors);
        }
    }

    private static void ValidateIdentity(WorkloadSpec spec, List<WorkloadSpecError> errors)
    {
        if (string.IsNullOrEmpty(spec.Name))
        {
            Add(errors, "name", "is required");
        }
        else if (!WorkloadNameRules.IsDnsLabel(spec.Name))
        {
            Add(errors, "name", $"'{spec.Name}' must be a DNS label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit");
        }

        if (!WorkloadNameRules.IsDnsLabel(spec.Namespace))
        {
            Add(errors, "namespace", $"'{spec.Namespace}' must be a DNS label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit");
        }

        if (spec.Replicas is < 0 or > MaxReplicas)
        {
            Add(errors, "replicas", $"{spec.Replicas} is out of range 0-{MaxReplicas}");
        }
    }

    private static void ValidateDriverAndCommand(WorkloadSpec spec, List<WorkloadSpecError> errors)
    {
        switch (spec.Driver)
        {
            case WorkloadDriver.Docker:
                if (string.IsNullOrWhiteSpace(spec.Image))
                {
                    Add(errors, "image", "is required for the docker driver");
                }
                else if (!WorkloadNameRules.IsImageReference(spec.Image))
                {
                    Add(errors, "image", $"'{spec.Image}' is not an image reference (expected name:tag or name@sha256:<64 hex digits>)");
                }

                break;
            case WorkloadDriver.Process:
                if (!string.IsNullOrEmpty(spec.Image))
                {
                    Add(errors, "image", "is not supported by the process driver (it runs command directly on the host)");
                }

                if (spec.Command.Count == 0 || string.IsNullOrWhiteSpace(spec.Command[0]))
                {
                    Add(errors, "command", "is required for the process driver");
                }

                break;
            default:
                Add(errors, "driver", "must be 'docker' or 'process'");
                break;
        }

        CheckNoNulls(spec.Command, "command", errors);
        CheckNoNulls(spec.Args, "args", errors);
    }

    private static void ValidateEnv(WorkloadSpec spec, List<WorkloadSpecError> errors)
    {
        foreach (var (name, value) in spec.Env)
        {
            var path = "env." + name;
            if (!WorkloadNameRules.IsEnvName(name))
            {
                Add(errors, path, "is not a valid variable name (letters, digits and '_', not starting with a digit)");
            }
            else if (name.StartsWith(ReservedEnvPrefix, StringComparison.Ordinal))
            {
                Add(errors, path, $"names starting with {ReservedEnvPrefix} are reserved for the agent");
            }

            if (value is null)
            {
                Add(errors, path, "must have a value (use \"\" for empty)");
            }
            else if (value.Contains('\0'))
            {
                Add(errors, path, "must not contain NUL characters");
            }
        }
    }

    private static void ValidateResources(WorkloadSpec spec, List<WorkloadSpecError> errors)
    {
        var r = spec.Resources;
        if (r is null)
        {
            Add(errors, "resources", "is required");
            return;
        }

        if (r.CpuMillicores <= 0)
        {
            Add(errors, "resources.cpu", "must be greater than 0 (e.g. 250m or 1)");
        }

        if (r.CpuLimitMillicores is { } limit)
        {
            if (limit < MinCpuLimitMillicores)
            {
                Add(errors, "resources.cpuLimit", $"{Quantity.FormatMillicores(limit)} is below the smallest enforceable CPU limit of {MinCpuLimitMillicores}m (omit it for no limit)");
            }
            else if (limit < r.CpuMillicores)
            {
                Add(errors, "resources.cpuLimit", $"{Quantity.FormatMillicores(limit)} must not be less than the CPU request resources.cpu {Quantity.FormatMillicores(r.CpuMillicores)}");
            }
        }

        if (r.MemoryBytes <= 0)
        {
            Add(errors, "resources.memory", "must be greater than 0 (e.g. 64Mi)");
        }
        else if (spec.Driver == WorkloadDriver.Docker && r.MemoryBytes < MinDockerMemoryBytes)
        {
            Add(errors, "resources.memory", $"{Quantity.FormatBytes(r.MemoryBytes)} is below the Docker engine's minimum of 6Mi");
        }

        if (r.DiskBytes < 0)
        {
            Add(errors, "resources.disk", "must not be negative");
        }

        if (r.NetworkBitsPerSecond < 0)
        {
            Add(errors, "resources.networkBandwidth", "must not be negative");
        }
    }

    private static void ValidateNetworkAndPorts(WorkloadSpec spec, List<WorkloadSpecError> errors)
    {
        if (spec.Network is not (WorkloadNetworkMode.None or WorkloadNetworkMode.Host))
        {
            Add(errors, "network", "must be 'none' or 'host' (ENC never uses bridge networks)");
        }

        if (spec.Ports.Count > 0 && spec.Network != WorkloadNetworkMode.Host)
        {
            Add(errors, "network", "must be 'host' when ports are declared");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var statics = new HashSet<(int, PortProtocol)>();
        for (var i = 0; i < spec.Ports.Count; i++)
        {
            var port = spec.Ports[i];
            var path = $"ports[{i}]";
            if (port is null)
            {
                Add(errors, path, "must not be null");
                continue;
            }

            if (!WorkloadNameRules.IsPortName(port.Name))
            {
                Add(errors, path + ".name", $"'{port.Name}' must be 1-15 lowercase letters, digits or '-', starting with a letter");
            }
            else if (!names.Add(port.Name))
            {
                Add(errors, path + ".name", $"'{port.Name}' is declared more than once");
            }

            if (port.Port is < 0 or > 65535)
            {
                Add(errors, path + ".port", $"{port.Port} is out of range 1-65535 (or 'assign')");
            }
            else if (port.Port > 0 && !statics.Add((port.Port, port.Protocol)))
            {
                Add(errors, path + ".port", $"{port.Port} is declared more than once");
            }

            if (port.Protocol is not (PortProtocol.Tcp or PortProtocol.Udp))
            {
                Add(errors, path + ".protocol", "must be 'tcp' or 'udp'");
            }
        }
    }

    private static void ValidateLabels(IReadOnlyDictionary<string, string> labels, string field, List<WorkloadSpecError> errors, bool allowReserved = false)
    {
        foreach (var (key, value) in labels)
        {
            var path = field + "." + key;
            if (!WorkloadNameRules.IsLabelKey(key))
            {
                Add(errors, path, "is not a valid label key ([prefix/]name; name up to 63 letters, digits, '-', '_' or '.')");
            }
            else if (!allowReserved && key.StartsWith(ReservedLabelPrefix, StringComparison.Ordinal))
            {
                Add(errors, path, $"keys starting with '{ReservedLabelPrefix}' are reserved for ENC");
            }

            if (!WorkloadNameRules.IsLabelValue(value))
            {
                Add(errors, path, $"'{value}' is not a valid label value (up to 63 letters, digits, '-', '_' or '.', alphanumeric at both ends)");
            }
        }
    }

    private static void ValidateRestartPolicy(WorkloadRestartPolicy? policy, List<WorkloadSpecError> errors)
    {
        if (policy is null)
        {
            Add(errors, "restartPolicy", "must not be null");
            return;
        }

        if (policy.Mode is not (RestartMode.Always or RestartMode.OnFailure or RestartMode.Never))
        {
            Add(errors, "restartPolicy.mode", "must be Always, OnFailure or Never");
        }

        if (policy.BackoffBase <= TimeSpan.Zero)
        {
            Add(errors, "restartPolicy.backoff", "must be greater than 0s");
        }

        if (policy.BackoffCap < policy.BackoffBase)
        {
            Add(errors, "restartPolicy.maxBackoff", $"{DurationText.Format(policy.BackoffCap)} must not be shorter than backoff {DurationText.Format(policy.BackoffBase)}");
        }

        if (policy.BackoffCap > TimeSpan.FromHours(24))
        {
            Add(errors, "restartPolicy.maxBackoff", "must be at most 24h");
        }

        if (policy.ResetAfter <= TimeSpan.Zero)
        {
            Add(errors, "restartPolicy.resetAfter", "must be greater than 0s");
        }
    }

    private static void CheckNoNulls(IReadOnlyList<string> items, string field, List<WorkloadSpecError> errors)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                Add(errors, $"{field}[{i}]", "must not be null");
            }
            else if (items[i].Contains('\0'))
            {
                Add(errors, $"{field}[{i}]", "must not contain NUL characters");
            }
        }
    }

    private static void Add(List<WorkloadSpecError> errors, string field, string message) =>
        errors.Add(new WorkloadSpecError { Field = field, Message = message });
}
