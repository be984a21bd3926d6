namespace Enc.Grains.Nodes;

/// <summary>Persisted state of the node registry: the names of every node ever registered.</summary>
[GenerateSerializer]
[Alias("Enc.Nodes.NodeRegistryState")]
public sealed class NodeRegistryState
{
    /// <summary>Node names, kept sorted ordinally.</summary>
    [Id(0)] public List<string> Names { get; set; } = [];

    /// <summary>Adds a name keeping the list sorted; false when it was already present.</summary>
    public bool Add(string name)
    {
        var index = Names.BinarySearch(name, StringComparer.Ordinal);
        if (index >= 0)
        {
            return false;
        }

        Names.Insert(~index, name);
        return true;
    }
}
