using System.Collections.Concurrent;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads.Placement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enc.Cluster.Tests.Infrastructure;

/// <summary>
/// Stands in for a node whose grains stop answering (a call that neither returns nor fails, as when the silo
/// hosting them hangs): wraps the silo's real <see cref="IPlacementCluster"/> and, while a node is silenced,
/// leaves every release on it unanswered; everything else goes to the real node grains. Records which instances
/// a release was asked for while silenced. A real node cannot be made to hang on demand, hence this fake.
/// </summary>
public sealed class SilentNodePlacementCluster(IPlacementCluster inner) : IPlacementCluster
{
    private readonly ConcurrentQueue<string> _unanswered = new();
    private volatile string? _silent;

    /// <summary>Instances whose release was asked while their node was silent, in call order.</summary>
    public IReadOnlyList<string> Unanswered => [.. _unanswered];

    /// <summary>Replaces the silo's placement cluster with this wrapper around the real one (call after ENC's workloads were added).</summary>
    public static void Install(ISiloBuilder silo) =>
        silo.Services.Replace(ServiceDescriptor.Singleton<IPlacementCluster>(sp =>
        {
            var grains = sp.GetRequiredService<IGrainFactory>();
            return new SilentNodePlacementCluster(new GrainPlacementCluster(grains, new ClusterViewCache(new GrainClusterStateSource(grains))));
        }));

    /// <summary>From now on, releases on <paramref name="nodeName"/> never complete.</summary>
    public void Silence(string nodeName) => _silent = nodeName;

    /// <summary>From now on every node answers again (releases asked while silent stay unanswered).</summary>
    public void Answer() => _silent = null;

    /// <summary>How many releases of <paramref name="instanceId"/> were asked while its node was silent.</summary>
    public int UnansweredFor(string instanceId) => _unanswered.Count(id => id == instanceId);

    /// <inheritdoc />
    public Task ReleaseFinishedAsync(string nodeName, string instanceId) =>
        Silent(nodeName, instanceId) ?? inner.ReleaseFinishedAsync(nodeName, instanceId);

    /// <inheritdoc />
    public Task ReleaseStoppedAsync(string nodeName, string instanceId) =>
        Silent(nodeName, instanceId) ?? inner.ReleaseStoppedAsync(nodeName, instanceId);

    /// <inheritdoc />
    public Task<ClusterView> ReadAsync() => inner.ReadAsync();

    /// <inheritdoc />
    public Task<bool> TryReserveAsync(string nodeName, string workloadId, string instanceId, ResourceQuantities request, IReadOnlyList<string> victims) =>
        inner.TryReserveAsync(nodeName, workloadId, instanceId, request, victims);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, int>?> AssignAsync(string nodeName, AssignedInstance instance) => inner.AssignAsync(nodeName, instance);

    /// <inheritdoc />
    public Task ReleaseAsync(string nodeName, string instanceId) => inner.ReleaseAsync(nodeName, instanceId);

    /// <inheritdoc />
    public Task EvictAsync(InstanceEviction eviction) => inner.EvictAsync(eviction);

    private Task? Silent(string nodeName, string instanceId)
    {
        if (_silent != nodeName)
        {
            return null;
        }

        _unanswered.Enqueue(instanceId);
        return new TaskCompletionSource().Task;
    }
}
