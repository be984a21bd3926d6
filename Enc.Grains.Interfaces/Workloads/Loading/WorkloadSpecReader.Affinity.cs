namespace Enc.Grains.Interfaces.Workloads.Loading;

/// <summary>The affinity sections of <see cref="WorkloadSpecReader"/>'s scheduling block.</summary>
internal sealed partial class WorkloadSpecReader
{
    private static readonly string[] AffinityKeys = ["matchLabels", "matchExpressions", "topology", "weight"];
    private static readonly string[] NodeAffinityKeys = ["matchExpressions", "weight"];
    private static readonly string[] ExpressionKeys = ["key", "operator", "values"];
    private static readonly string[] ZoneSpreadKeys = ["maxSkew"];

    private List<WorkloadAffinityRule> ReadAffinityRules(IReadOnlyDictionary<string, SpecNode> scheduling, string key) =>
        ReadList(scheduling, key, AffinityKeys, "{matchLabels, matchExpressions, topology, weight}", (map, path) => new WorkloadAffinityRule
        {
            MatchLabels = _r.StringMap(map, "matchLabels", path),
            MatchExpressions = ReadExpressions(map, path),
            Topology = _r.Enum(map, "topology", path, AffinityTopology.Node, "node, zone"),
            Weight = _r.Int(map, "weight", path, 0),
        });

    private List<NodeAffinityTerm> ReadNodeAffinity(IReadOnlyDictionary<string, SpecNode> scheduling) =>
        ReadList(scheduling, "nodeAffinity", NodeAffinityKeys, "{matchExpressions, weight}", (map, path) => new NodeAffinityTerm
        {
            MatchExpressions = ReadExpressions(map, path),
            Weight = _r.Int(map, "weight", path, 0),
        });

    private List<LabelRequirement> ReadExpressions(IReadOnlyDictionary<string, SpecNode> map, string path)
    {
        var expressions = ReadList(map, "matchExpressions", ExpressionKeys, "{key, operator, values}", (e, itemPath) => new LabelRequirement
        {
            Key = _r.String(e, "key", itemPath) ?? "",
            Operator = _r.Enum(e, "operator", itemPath, LabelRequirementOperator.Invalid, "In, NotIn, Exists, DoesNotExist"),
            Values = _r.StringList(e, "values", itemPath),
        }, path);
        return expressions;
    }

    private List<T> ReadList<T>(
        IReadOnlyDictionary<string, SpecNode> parent, string key, string[] knownKeys, string shape,
        Func<Dictionary<string, SpecNode>, string, T> read, string parentPath = "scheduling")
    {
        var items = new List<T>();
        var listPath = $"{parentPath}.{key}";
        if (!parent.TryGetValue(key, out var node) || node is SpecScalar { Value: null })
        {
            return items;
        }

        if (node is not SpecList list)
        {
            _r.Error(listPath, $"must be a list of {shape}");
            return items;
        }

        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = $"{listPath}[{i}]";
            if (_r.Map(list.Items[i], path, knownKeys) is not { } map)
            {
                _r.Error(path, $"must be a mapping {shape}");
                continue;
            }

            items.Add(read(map, path));
        }

        return items;
    }
}
