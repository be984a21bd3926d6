namespace Enc.Grains.Interfaces.Workloads.Loading;

/// <summary>The affinity sections of <see cref="WorkloadSpecReader"/>'s scheduling block.</summary>
internal sealed partial class WorkloadSpecReader
{
    private static readonly string[] AffinityKeys = ["matchLabels", "topology", "weight"];
    private static readonly string[] ZoneSpreadKeys = ["maxSkew"];

    private List<WorkloadAffinityRule> ReadAffinityRules(IReadOnlyDictionary<string, SpecNode> scheduling, string key)
    {
        var rules = new List<WorkloadAffinityRule>();
        if (!scheduling.TryGetValue(key, out var node) || node is SpecScalar { Value: null })
        {
            return rules;
        }

        if (node is not SpecList list)
        {
            _r.Error($"scheduling.{key}", "must be a list of {matchLabels, topology, weight}");
            return rules;
        }

        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = $"scheduling.{key}[{i}]";
            var map = _r.Map(list.Items[i], path, AffinityKeys);
            if (map is null)
            {
                _r.Error(path, "must be a mapping {matchLabels, topology, weight}");
                continue;
            }

            rules.Add(new WorkloadAffinityRule
            {
                MatchLabels = _r.StringMap(map, "matchLabels", path),
                Topology = _r.Enum(map, "topology", path, AffinityTopology.Node, "node, zone"),
                Weight = _r.Int(map, "weight", path, 0),
            });
        }

        return rules;
    }
}
