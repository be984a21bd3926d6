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

    /// <summary>
    /// Records that <paramref name="nodeName"/>'s placement-relevant state changed (called by the node's grains
    /// after they persisted the change). Interleaves: it never waits, so a node grain may call it while the
    /// registry waits on that node.
    /// </summary>
    [Alias("NodeChanged")]
    [AlwaysInterleave]
    Task NodeChangedAsync(string nodeName);

    /// <summary>
    /// The nodes changed after position <paramref name="sequence"/> of change log <paramref name="epoch"/>, or
    /// every node (<see cref="NodeChangeSet.Full"/>) when <paramref name="epoch"/> is not the current log's.
    /// Lets a placement cache refresh only what changed instead of reading every node per decision.
    /// </summary>
    [Alias("ChangesSince")]
    [AlwaysInterleave]
    Task<NodeChangeSet> ChangesSinceAsync(Guid epoch, long sequence);

    /// <summary>Snapshots of all known nodes, sorted by name.</summary>
    [Alias("List")]
    [ReadOnly]
    Task<IReadOnlyList<NodeSnapshot>> ListAsync();
}
