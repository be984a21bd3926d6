using Enc.Grains.Interfaces.Hosting;
using Enc.Grains.Interfaces.Nodes;

namespace Enc.Grains.Nodes;

/// <summary>The cluster-wide node list; reads fan out to the node grains.</summary>
public sealed class NodeRegistryGrain(
    [PersistentState("registry", EncProviderNames.GrainStorage)] IPersistentState<NodeRegistryState> state)
    : Grain, INodeRegistryGrain
{
    async Task INodeRegistryGrain.AddAsync(string nodeName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeName);
        if (state.State.Add(nodeName))
        {
            await state.WriteStateAsync();
        }
    }

    Task<IReadOnlyList<string>> INodeRegistryGrain.ListNamesAsync() =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Names.ToArray());

    async Task<IReadOnlyList<NodeSnapshot>> INodeRegistryGrain.ListAsync()
    {
        var names = state.State.Names.ToArray();
        var snapshots = await Task.WhenAll(names.Select(n => GrainFactory.GetGrain<INodeGrain>(n).GetAsync()));
        return snapshots.OfType<NodeSnapshot>().ToArray();
    }
}
