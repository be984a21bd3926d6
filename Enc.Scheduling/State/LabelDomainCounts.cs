namespace Enc.Scheduling.State;

/// <summary>
/// Live instances carrying one label pair in one namespace, counted per node and per zone; updated
/// incrementally on every placement and eviction.
/// </summary>
/// <remarks>
/// Lets a workload-affinity term of the common form <c>key In [values]</c> be answered per node with
/// a dictionary lookup instead of walking every matching instance each cycle.
/// </remarks>
public sealed class LabelDomainCounts
{
    private readonly Dictionary<int, int> _nodes = [];

    internal LabelDomainCounts(int zoneCount) => Zones = new int[zoneCount];

    /// <summary>Live matching instances per zone ordinal.</summary>
    public int[] Zones { get; }

    /// <summary>Live matching instances in total.</summary>
    public int Total { get; private set; }

    /// <summary>Live matching instances on <paramref name="node"/>.</summary>
    public int OnNode(int node) => _nodes.GetValueOrDefault(node);

    internal void Add(int node, int zone, int delta)
    {
        Total += delta;
        var count = _nodes.GetValueOrDefault(node) + delta;
        if (count == 0)
        {
            _nodes.Remove(node);
        }
        else
        {
            _nodes[node] = count;
        }

        if (zone >= 0)
        {
            Zones[zone] += delta;
        }
    }
}
