using Docker.DotNet;
using Docker.DotNet.Models;
using Enc.Agent.Drivers;
using Enc.Agent.Drivers.Docker;
using Enc.Agent.Reconciliation;

namespace Enc.Agent.Tests.Support;

/// <summary>
/// A real-engine test scope: drivers for a node name unique to the test, and at the end removal of
/// every container carrying that node's label.
/// </summary>
internal sealed class DockerScope : IAsyncDisposable
{
    private readonly List<IDisposable> _owned = [];

    public DockerScope()
    {
        NodeName = "test-" + Guid.NewGuid().ToString("N")[..12];
        Engine = new DockerClientConfiguration(TestEnvironment.DockerEndpoint).CreateClient();
    }

    public string NodeName { get; }

    /// <summary>A raw engine client for checking what the driver did.</summary>
    public DockerClient Engine { get; }

    /// <summary>A new driver object for this node (a new one simulates an agent restart).</summary>
    public DockerDriver NewDriver()
    {
        var driver = new DockerDriver(new DockerDriverOptions { Endpoint = TestEnvironment.DockerEndpoint, NodeName = NodeName });
        _owned.Add(driver);
        return driver;
    }

    public InstanceReconciler NewReconciler(ITaskDriver driver)
    {
        var reconciler = new InstanceReconciler(driver, TimeProvider.System, new InstanceReconcilerOptions { OrphanGracePeriod = TimeSpan.FromSeconds(1) });
        _owned.Add(reconciler);
        return reconciler;
    }

    /// <summary>Containers of this node, as the engine lists them.</summary>
    public async Task<IList<ContainerListResponse>> ContainersAsync(string? instanceId = null)
    {
        var labels = new Dictionary<string, bool> { [TaskLabels.Node + "=" + NodeName] = true };
        if (instanceId is not null)
        {
            labels[TaskLabels.Instance + "=" + instanceId] = true;
        }

        return await Engine.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = labels },
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in await ContainersAsync())
        {
            await Engine.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true });
        }

        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        Engine.Dispose();
    }
}
