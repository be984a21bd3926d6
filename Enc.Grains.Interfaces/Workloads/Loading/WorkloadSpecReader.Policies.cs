namespace Enc.Grains.Interfaces.Workloads.Loading;

/// <summary>Restart policy, health check and scheduling sections of <see cref="WorkloadSpecReader"/>.</summary>
internal sealed partial class WorkloadSpecReader
{
    private static readonly string[] RestartKeys = ["mode", "backoff", "maxBackoff", "resetAfter"];
    private static readonly string[] HealthKeys = ["type", "command", "port", "path", "interval", "timeout", "failureThreshold", "initialDelay"];
    private static readonly string[] SchedulingKeys = ["nodeSelector", "tolerations", "algorithm", "priority", "affinity", "antiAffinity", "zoneSpread", "communicatesWith", "nodeAffinity"];
    private static readonly string[] TolerationKeys = ["key", "operator", "value", "effect", "tolerationSeconds"];

    private WorkloadRestartPolicy ReadRestartPolicy(IReadOnlyDictionary<string, SpecNode> root)
    {
        var defaults = WorkloadRestartPolicy.Default;
        if (!root.TryGetValue("restartPolicy", out var node) || node is SpecScalar { Value: null })
        {
            return defaults;
        }

        // Shorthand: "restartPolicy: OnFailure" keeps the default backoff.
        if (node is SpecScalar { Value: { } modeText })
        {
            return defaults with { Mode = _r.ParseEnum(modeText, "restartPolicy", RestartMode.Invalid, "Always, OnFailure, Never") };
        }

        var map = _r.Map(node, "restartPolicy", RestartKeys);
        return new WorkloadRestartPolicy
        {
            Mode = _r.Enum(map, "mode", "restartPolicy", defaults.Mode, "Always, OnFailure, Never"),
            BackoffBase = _r.Duration(map, "backoff", "restartPolicy", defaults.BackoffBase),
            BackoffCap = _r.Duration(map, "maxBackoff", "restartPolicy", defaults.BackoffCap),
            ResetAfter = _r.Duration(map, "resetAfter", "restartPolicy", defaults.ResetAfter),
        };
    }

    private WorkloadHealthCheck? ReadHealthCheck(IReadOnlyDictionary<string, SpecNode> root)
    {
        root.TryGetValue("healthCheck", out var node);
        var map = _r.Map(node, "healthCheck", HealthKeys);
        if (map is null)
        {
            return null;
        }

        const string path = "healthCheck";
        var portText = _r.String(map, "port", path);
        var port = 0;
        string? portName = null;
        if (portText is not null && !int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port))
        {
            portName = portText;
        }

        return new WorkloadHealthCheck
        {
            Type = _r.Enum(map, "type", path, HealthCheckType.Invalid, "exec, tcp, http"),
            Command = _r.StringList(map, "command", path),
            Port = port,
            PortName = portName,
            Path = _r.String(map, "path", path) ?? "/",
            Interval = _r.Duration(map, "interval", path, TimeSpan.FromSeconds(10)),
            Timeout = _r.Duration(map, "timeout", path, TimeSpan.FromSeconds(2)),
            FailureThreshold = _r.Int(map, "failureThreshold", path, 3),
            InitialDelay = _r.Duration(map, "initialDelay", path, TimeSpan.Zero),
        };
    }

    private WorkloadScheduling ReadScheduling(IReadOnlyDictionary<string, SpecNode> root)
    {
        root.TryGetValue("scheduling", out var node);
        var map = _r.Map(node, "scheduling", SchedulingKeys);
        if (map is null)
        {
            return WorkloadScheduling.Default;
        }

        var tolerations = new List<WorkloadToleration>();
        if (map.TryGetValue("tolerations", out var tNode) && tNode is not SpecScalar { Value: null })
        {
            if (tNode is SpecList list)
            {
                for (var i = 0; i < list.Items.Count; i++)
                {
                    var path = $"scheduling.tolerations[{i}]";
                    var t = _r.Map(list.Items[i], path, TolerationKeys);
                    if (t is null)
                    {
                        _r.Error(path, "must be a mapping {key, operator, value, effect}");
                        continue;
                    }

                    tolerations.Add(new WorkloadToleration
                    {
                        Key = _r.String(t, "key", path) ?? "",
                        Operator = _r.Enum(t, "operator", path, TolerationOperator.Equal, "Equal, Exists"),
                        Value = _r.String(t, "value", path) ?? "",
                        Effect = _r.Enum(t, "effect", path, TaintEffect.Invalid, "NoSchedule, PreferNoSchedule, NoExecute"),
                        TolerationSeconds = t.ContainsKey("tolerationSeconds") ? _r.Int(t, "tolerationSeconds", path, 0) : null,
                    });
                }
            }
            else
            {
                _r.Error("scheduling.tolerations", "must be a list");
            }
        }

        return new WorkloadScheduling
        {
            NodeSelector = _r.StringMap(map, "nodeSelector", "scheduling"),
            Tolerations = tolerations,
            Algorithm = _r.String(map, "algorithm", "scheduling"),
            Priority = _r.Int(map, "priority", "scheduling", 0),
            Affinity = ReadAffinityRules(map, "affinity"),
            AntiAffinity = ReadAffinityRules(map, "antiAffinity"),
            ZoneSpreadMaxSkew = _r.Int(_r.Map(map.GetValueOrDefault("zoneSpread"), "scheduling.zoneSpread", ZoneSpreadKeys), "maxSkew", "scheduling.zoneSpread", 0),
            CommunicatesWith = _r.StringList(map, "communicatesWith", "scheduling"),
            NodeAffinity = ReadNodeAffinity(map),
        };
    }
}
