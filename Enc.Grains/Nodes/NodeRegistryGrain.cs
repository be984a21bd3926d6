using Enc.Grains.Interfaces.Hosting;
using Enc.Grains.Interfaces.Nodes;

namespace Enc.Grains.Nodes;

/// <summary>
/// The cluster-wide node list; full reads fan out to the node grains. Keeps a change log (not persisted) so
/// that placement caches refresh only the nodes that changed (<see cref="INodeRegistryGrain.ChangesSinceAsync"/>).
/// </summary>
public sealed class NodeRegistryGrain(
    [PersistentState("registry", EncProviderNames.GrainStorage)] IPersistentState<NodeRegistryState> state)
    : Grain, INodeRegistryGrain
{
    private readonly NodeChangeLog _changes = new();

    async Task INodeRegistryGrain.AddAsync(string nodeName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeName);
        if (state.State.Add(nodeName))
        {
            await state.WriteStateAsync();
            _changes.Record(nodeName);
        }
    }

    Task INodeRegistryGrain.NodeChangedAsync(string nodeName)
    {
        _changes.Record(nodeName);
        return Task.CompletedTask;
    }

    Task<NodeChangeSet> INodeRegistryGrain.ChangesSinceAsync(Guid epoch, long sequence) =>
        Task.FromResult(_changes.Since(epoch, sequence, state.State.Names));

    Task<IReadOnlyList<string>> INodeRegistryGrain.ListNamesAsync() =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Names.ToArray());

    async Task<IReadOnlyList<NodeSnapshot>> INodeRegistryGrain.ListAsync()
    {
        var names = state.State.Names.ToArray();
        var snapshots = await Task.WhenAll(names.Select(n => GrainFactory.GetGrain<INodeGrain>(n).GetAsync()));
        return snapshots.OfType<NodeSnapshot>().ToArray();
    }
}
