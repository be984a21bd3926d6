using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Tests.Specs;

/// <summary><c>resources.cpuLimit</c> in YAML and JSON documents: optional, a CPU quantity, checked against the request.</summary>
public sealed class CpuLimitSpecTests
{
    public static TheoryData<string, string, long, long?> Documents => new()
    {
        { "yaml without limit", "name: a\nimage: busybox:local\nresources: { cpu: 250m }\n", 250, null },
        { "yaml millicores", "name: a\nimage: busybox:local\nresources:\n  cpu: 250m\n  cpuLimit: 500m\n", 250, 500 },
        { "yaml cores", "name: a\nimage: busybox:local\nresources: { cpu: 1, cpuLimit: 1.5 }\n", 1000, 1500 },
        { "yaml limit with default request", "name: a\nimage: busybox:local\nresources: { cpuLimit: 2 }\n", 100, 2000 },
        { "yaml null limit", "name: a\nimage: busybox:local\nresources: { cpu: 250m, cpuLimit: null }\n", 250, null },
        { "json number", """{ "name": "a", "image": "busybox:local", "resources": { "cpu": 0.25, "cpuLimit": 0.5 } }""", 250, 500 },
        { "json string", """{ "name": "a", "image": "busybox:local", "resources": { "cpu": "10m", "cpuLimit": "10m" } }""", 10, 10 },
    };

    public static TheoryData<string, string, string> BadDocuments => new()
    {
        { "below request", "name: a\nimage: busybox:local\nresources: { cpu: 500m, cpuLimit: 250m }\n", "must not be less than the CPU request resources.cpu 500m" },
        { "malformed", "name: a\nimage: busybox:local\nresources: { cpu: 500m, cpuLimit: lots }\n", "lots" },
        { "negative", """{ "name": "a", "image": "busybox:local", "resources": { "cpuLimit": "-1" } }""", "" },
        { "below kernel minimum", "name: a\nimage: busybox:local\nresources: { cpu: 1m, cpuLimit: 5m }\n", "10m" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void LoadsTheRequestAndTheOptionalLimit(string description, string document, long request, long? limit)
    {
        var result = WorkloadSpecLoader.Parse(document);

        Assert.True(result.IsValid, $"{description}: {string.Join("; ", result.Errors)}");
        Assert.Equal(request, result.Spec!.Resources.CpuMillicores);
        Assert.Equal(limit, result.Spec.Resources.CpuLimitMillicores);
    }

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public void RejectsABadLimitNamingTheField(string description, string document, string messagePart)
    {
        var result = WorkloadSpecLoader.Parse(document);

        Assert.False(result.IsValid, description);
        var error = Assert.Single(result.Errors);
        Assert.Equal("resources.cpuLimit", error.Field);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }
}
