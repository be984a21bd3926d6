using Enc.Grains.Interfaces.Nodes;

namespace Enc.Client.Nodes;

/// <summary>Read operations on the cluster's nodes.</summary>
public sealed class NodeOperations
{
    private readonly IGrainFactory _grains;

    internal NodeOperations(IGrainFactory grains) => _grains = grains;

    /// <summary>All known nodes, sorted by name.</summary>
    public async Task<IReadOnlyList<NodeSnapshot>> ListAsync(CancellationToken cancellationToken = default) =>
        await _grains.GetGrain<INodeRegistryGrain>(INodeRegistryGrain.DefaultKey).ListAsync().WaitAsync(cancellationToken);

    /// <summary>One node by name, or null when no such node registered.</summary>
    public async Task<NodeSnapshot?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var names = await _grains.GetGrain<INodeRegistryGrain>(INodeRegistryGrain.DefaultKey).ListNamesAsync().WaitAsync(cancellationToken);
        if (!names.Contains(name, StringComparer.Ordinal))
        {
            return null;
        }

        return await _grains.GetGrain<INodeGrain>(name).GetAsync().WaitAsync(cancellationToken);
    }
}
