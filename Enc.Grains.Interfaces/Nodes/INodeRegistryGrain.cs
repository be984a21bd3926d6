using Orleans.Concurrency;

namespace Enc.Grains.Interfaces.Nodes;

/// <summary>The cluster-wide list of known nodes (one activation, key <see cref="DefaultKey"/>).</summary>
[Alias("Enc.Nodes.INodeRegistryGrain")]
public interface INodeRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>The key of the registry grain.</summary>
    const long DefaultKey = 0;

    /// <summary>Adds a node name; idempotent.</summary>
    [Alias("Add")]
    Task AddAsync(string nodeName);

    /// <summary>Names of all known nodes, sorted ordinally.</summary>
    [Alias("ListNames")]
    [ReadOnly]
    Task<IReadOnlyList<string>> ListNamesAsync();

    /// <summary>Snapshots of all known nodes, sorted by name.</summary>
    [Alias("List")]
    [ReadOnly]
    Task<IReadOnlyList<NodeSnapshot>> ListAsync();
}
