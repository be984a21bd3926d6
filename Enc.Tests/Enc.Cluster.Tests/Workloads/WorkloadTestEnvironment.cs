using Docker.DotNet;
using Docker.DotNet.Models;

namespace Enc.Cluster.Tests.Workloads;

/// <summary>The Docker engine and image for workload cluster tests; a missing variable fails the test naming it.</summary>
internal static class WorkloadTestEnvironment
{
    public static string DockerEndpoint => Required("ENC_TEST_DOCKER", "the Docker engine socket URI, e.g. unix:///var/run/docker.sock");

    public static string Image => Required("ENC_TEST_IMAGE", "an image present on the engine, e.g. busybox:local (scripts/test.sh builds it)");

    /// <summary>Containers whose <c>enc.node</c> label starts with the cluster's scope prefix.</summary>
    public static async Task<List<ContainerListResponse>> ContainersAsync(DockerClient engine, string scopePrefix) =>
        (await engine.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { ["enc.managed=true"] = true } },
        })).Where(c => c.Labels.TryGetValue("enc.node", out var n) && n.StartsWith(scopePrefix, StringComparison.Ordinal)).ToList();

    /// <summary>Removes every container of the cluster (test cleanup).</summary>
    public static async Task RemoveAllAsync(DockerClient engine, string scopePrefix)
    {
        foreach (var c in await ContainersAsync(engine, scopePrefix))
        {
            await engine.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true });
        }
    }

    private static string Required(string name, string what) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: set it to {what}. Run the suite through scripts/test.sh to have it prepared.");
}
