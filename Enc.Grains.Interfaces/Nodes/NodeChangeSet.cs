namespace Enc.Grains.Interfaces.Nodes;

/// <summary>
/// The nodes whose placement-relevant state (status, resources, reservations, labels, taints, assigned
/// instances) changed since a reader's last look, as told by <see cref="INodeRegistryGrain.ChangesSinceAsync"/>.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Nodes.NodeChangeSet")]
public sealed record NodeChangeSet
{
    /// <summary>The registry activation's change log this set belongs to; a reader passes it back next time.</summary>
    [Id(0)] public required Guid Epoch { get; init; }

    /// <summary>The log position this set is complete up to; a reader passes it back next time.</summary>
    [Id(1)] public required long Sequence { get; init; }

    /// <summary>
    /// True when <see cref="Names"/> lists every known node (the reader's epoch was unknown, e.g. after the
    /// registry was re-activated): the reader must drop what it holds about nodes not listed.
    /// </summary>
    [Id(2)] public required bool Full { get; init; }

    /// <summary>Names of the changed nodes (every node when <see cref="Full"/>), sorted ordinally.</summary>
    [Id(3)] public required IReadOnlyList<string> Names { get; init; }
}
