namespace Enc.Grains.Interfaces.Workloads.Loading;

/// <summary>Builds a <see cref="WorkloadSpec"/> from a document node, applying defaults and recording every field error.</summary>
internal sealed partial class WorkloadSpecReader
{
    /// <summary>CPU when the spec names none.</summary>
    public const long DefaultCpuMillicores = 100;

    /// <summary>Memory when the spec names none (128Mi).</summary>
    public const long DefaultMemoryBytes = 128L * 1024 * 1024;

    private static readonly string[] TopLevelKeys =
    [
        "kind", "name", "namespace", "driver", "image", "command", "args", "env", "resources", "replicas", "ports",
        "network", "labels", "restartPolicy", "healthCheck", "scheduling", "stopGracePeriod",
    ];

    private static readonly string[] ResourceKeys = ["cpu", "cpuLimit", "memory", "disk", "networkBandwidth"];
    private static readonly string[] PortKeys = ["name", "port", "protocol"];

    private readonly SpecFieldReader _r = new();

    /// <summary>Errors found while reading (syntax and type errors; semantic rules are the validator's).</summary>
    public IReadOnlyList<WorkloadSpecError> Errors => _r.Errors;

    /// <summary>True when an error was already recorded at or below <paramref name="path"/>.</summary>
    public bool HasErrorAt(string path) => _r.HasErrorAt(path);

    /// <summary>Reads one workload document.</summary>
    public WorkloadSpec Read(SpecNode document)
    {
        if (document is not SpecMap)
        {
            _r.Error("(document)", "must be a mapping of workload fields (name, image, resources, ...)");
        }

        var root = _r.Map(document, "", TopLevelKeys) ?? new Dictionary<string, SpecNode>();
        if (_r.String(root, "kind", "") is { } kind && !string.Equals(kind, "Workload", StringComparison.Ordinal))
        {
            _r.Error("kind", $"'{kind}' is not supported (expected Workload)");
        }

        var ports = ReadPorts(root);
        var spec = new WorkloadSpec
        {
            Name = _r.String(root, "name", "") ?? "",
            Namespace = _r.String(root, "namespace", "") ?? WorkloadSpec.DefaultNamespace,
            Driver = _r.Enum(root, "driver", "", WorkloadDriver.Docker, "docker, process"),
            Image = _r.String(root, "image", ""),
            Command = _r.StringList(root, "command", ""),
            Args = _r.StringList(root, "args", ""),
            Env = _r.StringMap(root, "env", ""),
            Resources = ReadResources(root),
            Replicas = _r.Int(root, "replicas", "", 1),
            Ports = ports,
            Network = _r.Enum(root, "network", "", ports.Count > 0 ? WorkloadNetworkMode.Host : WorkloadNetworkMode.None, "none, host"),
            Labels = _r.StringMap(root, "labels", ""),
            RestartPolicy = ReadRestartPolicy(root),
            HealthCheck = ReadHealthCheck(root),
            Scheduling = ReadScheduling(root),
            StopGracePeriod = _r.Duration(root, "stopGracePeriod", "", TimeSpan.FromSeconds(10)),
        };
        return spec;
    }

    private WorkloadResources ReadResources(IReadOnlyDictionary<string, SpecNode> root)
    {
        root.TryGetValue("resources", out var node);
        var map = _r.Map(node, "resources", ResourceKeys);
        return new WorkloadResources
        {
            CpuMillicores = _r.Quantity(map, "cpu", "resources", DefaultCpuMillicores, Quantity.TryParseMillicores),
            CpuLimitMillicores = _r.OptionalQuantity(map, "cpuLimit", "resources", Quantity.TryParseMillicores),
            MemoryBytes = _r.Quantity(map, "memory", "resources", DefaultMemoryBytes, Quantity.TryParseUnits),
            DiskBytes = _r.Quantity(map, "disk", "resources", 0, Quantity.TryParseUnits),
            NetworkBitsPerSecond = _r.Quantity(map, "networkBandwidth", "resources", 0, Quantity.TryParseUnits),
        };
    }

    private List<WorkloadPort> ReadPorts(IReadOnlyDictionary<string, SpecNode> root)
    {
        var ports = new List<WorkloadPort>();
        if (!root.TryGetValue("ports", out var node) || node is SpecScalar { Value: null })
        {
            return ports;
        }

        if (node is not SpecList list)
        {
            _r.Error("ports", "must be a list of {name, port, protocol}");
            return ports;
        }

        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = $"ports[{i}]";
            var map = _r.Map(list.Items[i], path, PortKeys);
            if (map is null)
            {
                _r.Error(path, "must be a mapping {name, port, protocol}");
                continue;
            }

            ports.Add(new WorkloadPort
            {
                Name = _r.String(map, "name", path) ?? "",
                Port = ReadPortNumber(map, path),
                Protocol = _r.Enum(map, "protocol", path, PortProtocol.Tcp, "tcp, udp"),
            });
        }

        return ports;
    }

    private int ReadPortNumber(IReadOnlyDictionary<string, SpecNode> map, string path)
    {
        var text = _r.String(map, "port", path);
        if (text is null || text == "assign")
        {
            return 0;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port > 0)
        {
            return port;
        }

        _r.Error(path + ".port", $"'{text}' must be a port number 1-65535 or 'assign'");
        return -1;
    }
}
