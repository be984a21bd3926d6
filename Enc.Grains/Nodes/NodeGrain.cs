using Enc.Grains.Hosting;
using Enc.Grains.Interfaces.Hosting;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Nodes.Placement;
using Enc.Grains.Nodes.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Nodes;

/// <summary>One node; a thin shell over <see cref="NodeLifecycle"/> that persists after every change.</summary>
[NodeSiloPlacement]
public sealed class NodeGrain : Grain, INodeGrain
{
    private readonly IPersistentState<NodeRecord> _state;
    private readonly TimeProvider _time;
    private readonly ILocalSiloDetails _silo;
    private readonly NodeHealthThresholds _thresholds;

    /// <summary>Creates the grain.</summary>
    public NodeGrain(
        [PersistentState("node", EncProviderNames.GrainStorage)] IPersistentState<NodeRecord> state,
        [FromKeyedServices(EncTimeProviderNames.Nodes)] TimeProvider time,
        ILocalSiloDetails silo,
        IOptions<EncNodeOptions> options)
    {
        _state = state;
        _time = time;
        _silo = silo;
        _thresholds = new NodeHealthThresholds(options.Value.NotReadyAfter, options.Value.DownAfter);
    }

    async Task<NodeSnapshot> INodeGrain.RegisterAsync(NodeRegistration registration)
    {
        Node.Register(registration, Now, () => Guid.NewGuid().ToString("N"));
        await _state.WriteStateAsync();
        await GrainFactory.GetGrain<INodeRegistryGrain>(INodeRegistryGrain.DefaultKey).AddAsync(Node.Name);
        if (!string.Equals(_silo.Name, Node.Name, StringComparison.Ordinal))
        {
            // Activated away from home while the node's silo was absent: move home on next call.
            DeactivateOnIdle();
        }

        return Node.ToSnapshot()!;
    }

    Task INodeGrain.MarkReadyAsync()
    {
        Node.MarkReady(Now);
        return _state.WriteStateAsync();
    }

    async Task<bool> INodeGrain.HeartbeatAsync()
    {
        if (!Node.IsRegistered)
        {
            return false;
        }

        // The heartbeat time is persisted so a moved or restarted activation judges silence correctly.
        Node.Heartbeat(Now);
        await _state.WriteStateAsync();
        return true;
    }

    Task INodeGrain.MarkLeavingAsync() => SaveAsync(Node.MarkLeaving(Now));

    async Task<NodeStatus> INodeGrain.EvaluateHealthAsync(bool siloLeftMembership)
    {
        await SaveAsync(Node.EvaluateHealth(Now, siloLeftMembership, _thresholds));
        return _state.State.Status;
    }

    async Task<bool> INodeGrain.TryAssignWorkloadAsync(string workloadId, ResourceQuantities request)
    {
        var assigned = Node.TryAssignWorkload(workloadId, request);
        await SaveAsync(assigned);
        return assigned;
    }

    Task INodeGrain.UnassignWorkloadAsync(string workloadId) => SaveAsync(Node.UnassignWorkload(workloadId));

    Task<NodeSnapshot?> INodeGrain.GetAsync() => Task.FromResult(Node.ToSnapshot());

    private DateTimeOffset Now => _time.GetUtcNow();

    // Storage replaces the State object on read, so wrap the current one on every call.
    private NodeLifecycle Node => new(this.GetPrimaryKeyString(), _state.State);

    private Task SaveAsync(bool changed) => changed ? _state.WriteStateAsync() : Task.CompletedTask;
}
