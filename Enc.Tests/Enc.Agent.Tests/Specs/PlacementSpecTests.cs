using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Tests.Specs;

/// <summary>The scheduling fields of a spec: priority, affinity, zone spread, peers, toleration seconds.</summary>
public sealed class PlacementSpecTests
{
    private static readonly WorkloadSpec Valid = new()
    {
        Name = "web",
        Driver = WorkloadDriver.Process,
        Command = ["/bin/sleep", "60"],
        Resources = new WorkloadResources { CpuMillicores = 250, MemoryBytes = 64L << 20 },
    };

    public static TheoryData<string, WorkloadScheduling, string> Invalid => new()
    {
        { "priority too high", new WorkloadScheduling { Priority = WorkloadSpecValidator.MaxPriority + 1 }, "scheduling.priority" },
        { "empty matchLabels", new WorkloadScheduling { AntiAffinity = [new WorkloadAffinityRule()] }, "scheduling.antiAffinity[0].matchLabels" },
        { "no topology", new WorkloadScheduling { Affinity = [new WorkloadAffinityRule { MatchLabels = new Dictionary<string, string> { ["a"] = "b" }, Topology = AffinityTopology.Invalid }] }, "scheduling.affinity[0].topology" },
        { "weight too high", new WorkloadScheduling { Affinity = [new WorkloadAffinityRule { MatchLabels = new Dictionary<string, string> { ["a"] = "b" }, Weight = 101 }] }, "scheduling.affinity[0].weight" },
        { "negative skew", new WorkloadScheduling { ZoneSpreadMaxSkew = -1 }, "scheduling.zoneSpread.maxSkew" },
        { "bad peer", new WorkloadScheduling { CommunicatesWith = ["Not_A_Name"] }, "scheduling.communicatesWith[0]" },
        { "seconds on NoSchedule", new WorkloadScheduling { Tolerations = [new WorkloadToleration { Key = "k", Operator = TolerationOperator.Exists, Effect = TaintEffect.NoSchedule, TolerationSeconds = 5 }] }, "scheduling.tolerations[0].tolerationSeconds" },
        { "empty node term", new WorkloadScheduling { NodeAffinity = [new NodeAffinityTerm()] }, "scheduling.nodeAffinity[0].matchExpressions" },
        { "In without values", new WorkloadScheduling { NodeAffinity = [new NodeAffinityTerm { MatchExpressions = [new LabelRequirement { Key = "disk", Operator = LabelRequirementOperator.In }] }] }, "scheduling.nodeAffinity[0].matchExpressions[0].values" },
        { "Exists with values", new WorkloadScheduling { NodeAffinity = [new NodeAffinityTerm { MatchExpressions = [new LabelRequirement { Key = "disk", Operator = LabelRequirementOperator.Exists, Values = ["x"] }] }] }, "scheduling.nodeAffinity[0].matchExpressions[0].values" },
        { "no operator", new WorkloadScheduling { AntiAffinity = [new WorkloadAffinityRule { MatchExpressions = [new LabelRequirement { Key = "app", Operator = LabelRequirementOperator.Invalid }] }] }, "scheduling.antiAffinity[0].matchExpressions[0].operator" },
        { "node weight too high", new WorkloadScheduling { NodeAffinity = [new NodeAffinityTerm { MatchExpressions = [new LabelRequirement { Key = "disk", Operator = LabelRequirementOperator.Exists }], Weight = 101 }] }, "scheduling.nodeAffinity[0].weight" },
        { "negative seconds", new WorkloadScheduling { Tolerations = [new WorkloadToleration { Key = "k", Operator = TolerationOperator.Exists, TolerationSeconds = -1 }] }, "scheduling.tolerations[0].tolerationSeconds" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidPlacementFieldsAreReportedByPath(string description, WorkloadScheduling scheduling, string field)
    {
        var errors = new WorkloadSpecValidator().Validate(Valid with { Scheduling = scheduling });
        Assert.True(errors.Any(e => e.Field == field), $"{description}: {string.Join("; ", errors.Select(e => e.Field))}");
    }

    [Fact]
    public void ReadsEveryPlacementField()
    {
        var spec = WorkloadSpecLoader.ParseOrThrow("""
            name: api
            driver: process
            command: ["/bin/sleep", "60"]
            resources: { cpu: 100m, memory: 32Mi }
            scheduling:
              priority: 100
              tolerations:
                - key: maintenance
                  operator: Exists
                  effect: NoExecute
                  tolerationSeconds: 30
              affinity:
                - matchLabels: { app: cache }
                  topology: zone
                  weight: 50
              antiAffinity:
                - matchLabels: { app: api }
              zoneSpread: { maxSkew: 1 }
              communicatesWith: [db, shop/queue]
              nodeAffinity:
                - matchExpressions:
                    - { key: disk, operator: In, values: [ssd, nvme] }
                    - { key: gpu, operator: DoesNotExist }
                - weight: 20
                  matchExpressions: [{ key: rack, operator: NotIn, values: [r9] }]
            """);

        var s = spec.Scheduling;
        Assert.Equal(100, s.Priority);
        Assert.Equal(30, Assert.Single(s.Tolerations).TolerationSeconds);
        var affinity = Assert.Single(s.Affinity);
        Assert.Equal(("cache", AffinityTopology.Zone, 50), (affinity.MatchLabels["app"], affinity.Topology, affinity.Weight));
        var anti = Assert.Single(s.AntiAffinity);
        Assert.Equal(("api", AffinityTopology.Node, 0), (anti.MatchLabels["app"], anti.Topology, anti.Weight));
        Assert.Equal(1, s.ZoneSpreadMaxSkew);
        Assert.Equal(["db", "shop/queue"], s.CommunicatesWith);
        Assert.Equal(2, s.NodeAffinity.Count);
        Assert.Equal(0, s.NodeAffinity[0].Weight);
        Assert.Equal([("disk", LabelRequirementOperator.In, "ssd,nvme"), ("gpu", LabelRequirementOperator.DoesNotExist, "")],
            s.NodeAffinity[0].MatchExpressions.Select(e => (e.Key, e.Operator, string.Join(",", e.Values))));
        Assert.Equal((20, "rack", LabelRequirementOperator.NotIn), (s.NodeAffinity[1].Weight, s.NodeAffinity[1].MatchExpressions[0].Key, s.NodeAffinity[1].MatchExpressions[0].Operator));
    }

    [Fact]
    public void MalformedPlacementFieldsNameTheirPath()
    {
        var result = WorkloadSpecLoader.Parse("""
            name: api
            driver: process
            command: ["/bin/sleep", "60"]
            resources: { cpu: 100m, memory: 32Mi }
            scheduling:
              priority: high
              antiAffinity: { app: api }
              affinity:
                - matchLabels: { app: cache }
                  topology: rack
              zoneSpread: { maxSkew: 1, minDomains: 2 }
              nodeAffinity:
                - matchExpressions: [{ key: disk, operator: Like, values: [ssd] }]
            """);

        var fields = result.Errors.Select(e => e.Field).ToList();
        Assert.Contains("scheduling.priority", fields);
        Assert.Contains("scheduling.antiAffinity", fields);
        Assert.Contains("scheduling.affinity[0].topology", fields);
        Assert.Contains(fields, f => f.StartsWith("scheduling.zoneSpread", StringComparison.Ordinal));
        Assert.Contains("scheduling.nodeAffinity[0].matchExpressions[0].operator", fields);
    }
}
