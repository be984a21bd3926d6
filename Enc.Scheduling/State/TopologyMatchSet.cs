namespace Enc.Scheduling.State;

/// <summary>
/// Per-node and per-zone counts of matching instances, cleared in O(1) by bumping a stamp.
/// </summary>
/// <remarks>Reused across cycles by the affinity plugins so that steady-state scheduling allocates nothing here.</remarks>
public sealed class TopologyMatchSet
{
    private int[] _nodeStamp = [];
    private int[] _nodeCount = [];
    private int[] _zoneStamp = [];
    private int[] _zoneCount = [];
    private int _stamp;

    /// <summary>Total matching instances added since the last <see cref="Reset"/>.</summary>
    public int Total { get; private set; }

    /// <summary>Empties the set for a state of the given shape.</summary>
    public void Reset(int nodeCount, int zoneCount)
    {
        if (_nodeStamp.Length != nodeCount || _zoneStamp.Length != zoneCount || _stamp == int.MaxValue)
        {
            _nodeStamp = new int[nodeCount];
            _nodeCount = new int[nodeCount];
            _zoneStamp = new int[zoneCount];
            _zoneCount = new int[zoneCount];
            _stamp = 0;
        }

        _stamp++;
        Total = 0;
    }

    /// <summary>Adds one matching instance on <paramref name="node"/> in zone <paramref name="zone"/> (-1 for none).</summary>
    public void Add(int node, int zone)
    {
        Total++;
        if (_nodeStamp[node] != _stamp)
        {
            _nodeStamp[node] = _stamp;
            _nodeCount[node] = 0;
        }

        _nodeCount[node]++;
        if (zone >= 0)
        {
            if (_zoneStamp[zone] != _stamp)
            {
                _zoneStamp[zone] = _stamp;
                _zoneCount[zone] = 0;
            }

            _zoneCount[zone]++;
        }
    }

    /// <summary>Matching instances on <paramref name="node"/>.</summary>
    public int CountOnNode(int node) => _nodeStamp[node] == _stamp ? _nodeCount[node] : 0;

    /// <summary>Matching instances in zone <paramref name="zone"/> (0 for -1).</summary>
    public int CountInZone(int zone) => zone >= 0 && _zoneStamp[zone] == _stamp ? _zoneCount[zone] : 0;

    /// <summary>Matching instances in the domain of <paramref name="node"/> for <paramref name="scope"/>.</summary>
    public int CountInDomain(TopologyScope scope, int node, int zone) =>
        scope == TopologyScope.Zone ? CountInZone(zone) : CountOnNode(node);
}
