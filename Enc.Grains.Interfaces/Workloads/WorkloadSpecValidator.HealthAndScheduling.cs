namespace Enc.Grains.Interfaces.Workloads;

/// <summary>Health check and scheduling rules of <see cref="WorkloadSpecValidator"/>.</summary>
public sealed partial class WorkloadSpecValidator
{
    private static void ValidateHealthCheck(WorkloadSpec spec, List<WorkloadSpecError> errors)
    {
        if (spec.HealthCheck is not { } check)
        {
            return;
        }

        switch (check.Type)
        {
            case HealthCheckType.Exec:
                if (check.Command.Count == 0 || string.IsNullOrWhiteSpace(check.Command[0]))
                {
                    Add(errors, "healthCheck.command", "is required for an exec health check");
                }

                break;
            case HealthCheckType.Tcp:
            case HealthCheckType.Http:
                ValidateProbePort(spec, check, errors);
                if (check.Type == HealthCheckType.Http && (string.IsNullOrEmpty(check.Path) || check.Path[0] != '/'))
                {
                    Add(errors, "healthCheck.path", $"'{check.Path}' must start with '/'");
                }

                break;
            default:
                Add(errors, "healthCheck.type", "must be exec, tcp or http");
                break;
        }

        if (check.Interval < TimeSpan.FromMilliseconds(100))
        {
            Add(errors, "healthCheck.interval", "must be at least 100ms");
        }

        if (check.Timeout <= TimeSpan.Zero)
        {
            Add(errors, "healthCheck.timeout", "must be greater than 0s");
        }
        else if (check.Timeout > check.Interval)
        {
            Add(errors, "healthCheck.timeout", $"{DurationText.Format(check.Timeout)} must not exceed the interval {DurationText.Format(check.Interval)}");
        }

        if (check.FailureThreshold is < 1 or > 100)
        {
            Add(errors, "healthCheck.failureThreshold", $"{check.FailureThreshold} is out of range 1-100");
        }

        if (check.InitialDelay < TimeSpan.Zero || check.InitialDelay > TimeSpan.FromHours(1))
        {
            Add(errors, "healthCheck.initialDelay", "must be between 0s and 1h");
        }
    }

    private static void ValidateProbePort(WorkloadSpec spec, WorkloadHealthCheck check, List<WorkloadSpecError> errors)
    {
        if (spec.Network != WorkloadNetworkMode.Host)
        {
            Add(errors, "healthCheck.type", "tcp and http checks probe 127.0.0.1 and need network 'host' (use exec with network 'none')");
        }

        var hasName = !string.IsNullOrEmpty(check.PortName);
        if (hasName == (check.Port != 0))
        {
            Add(errors, "healthCheck.port", "must be either a port number 1-65535 or the name of a declared port");
        }
        else if (hasName && !spec.Ports.Any(p => p?.Name == check.PortName))
        {
            Add(errors, "healthCheck.port", $"'{check.PortName}' is not a declared port name");
        }
        else if (!hasName && check.Port is < 1 or > 65535)
        {
            Add(errors, "healthCheck.port", $"{check.Port} is out of range 1-65535");
        }
    }

    private static void ValidateScheduling(WorkloadScheduling? scheduling, List<WorkloadSpecError> errors)
    {
        if (scheduling is null)
        {
            Add(errors, "scheduling", "must not be null");
            return;
        }

        ValidateLabels(scheduling.NodeSelector, "scheduling.nodeSelector", errors, allowReserved: true);
        for (var i = 0; i < scheduling.Tolerations.Count; i++)
        {
            var path = $"scheduling.tolerations[{i}]";
            var t = scheduling.Tolerations[i];
            if (t is null)
            {
                Add(errors, path, "must not be null");
                continue;
            }

            if (t.Key.Length > 0 && !WorkloadNameRules.IsLabelKey(t.Key))
            {
                Add(errors, path + ".key", $"'{t.Key}' is not a valid taint key");
            }

            switch (t.Operator)
            {
                case TolerationOperator.Equal:
                    if (t.Key.Length == 0)
                    {
                        Add(errors, path + ".key", "is required with operator Equal");
                    }

                    if (!WorkloadNameRules.IsLabelValue(t.Value))
                    {
                        Add(errors, path + ".value", $"'{t.Value}' is not a valid taint value");
                    }

                    break;
                case TolerationOperator.Exists:
                    if (t.Value.Length > 0)
                    {
                        Add(errors, path + ".value", "must be empty with operator Exists");
                    }

                    break;
                default:
                    Add(errors, path + ".operator", "must be Equal or Exists");
                    break;
            }

            if (t.Effect is not (TaintEffect.Invalid or TaintEffect.NoSchedule or TaintEffect.PreferNoSchedule or TaintEffect.NoExecute))
            {
                Add(errors, path + ".effect", "must be NoSchedule, PreferNoSchedule or NoExecute (or omitted for all)");
            }

            ValidateTolerationSeconds(t, path, errors);
        }

        ValidatePlacementRules(scheduling, errors);

        if (scheduling.Algorithm is { } algorithm && !SchedulingAlgorithmNames.All.Contains(algorithm))
        {
            Add(errors, "scheduling.algorithm", $"'{algorithm}' is unknown (known: {string.Join(", ", SchedulingAlgorithmNames.All)})");
        }
    }
}
