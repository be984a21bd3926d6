using Enc.Scheduling.Validation;

namespace Enc.Scheduling.State;

/// <summary>
/// The scheduler's working view of a <see cref="ClusterSnapshot"/>: nodes in ordinal id order, node
/// classes, struct-of-arrays resources, and instance indexes that placements update incrementally.
/// </summary>
/// <remarks>
/// Not thread-safe: one <see cref="SchedulingPipeline"/> owns it. Building it sorts nodes and
/// instances by id so the input order of the snapshot never influences a decision.
/// </remarks>
public sealed partial class SchedulerState
{
    private readonly Dictionary<string, int> _nodeIndex;

    /// <summary>Builds the working state; throws <see cref="SchedulingValidationException"/> naming the bad field.</summary>
    public SchedulerState(ClusterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        SchedulingValidationException.ThrowIfAny(ClusterSnapshotValidator.Validate(snapshot));

        var nodes = snapshot.Nodes.ToArray();
        Array.Sort(nodes, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        NodeCount = nodes.Length;
        NodeIds = new string[NodeCount];
        NodeHashes = new ulong[NodeCount];
        NodeClassOf = new int[NodeCount];
        ZoneOf = new int[NodeCount];
        Capacity = new ResourceColumns(NodeCount);
        Allocated = new ResourceColumns(NodeCount);
        CapacityReciprocal = new ResourceColumns(NodeCount);
        _nodeIndex = new Dictionary<string, int>(NodeCount, StringComparer.Ordinal);

        Zones = nodes.Select(n => n.Zone).Where(z => z.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var zoneIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var z = 0; z < Zones.Length; z++)
        {
            zoneIndex[Zones[z]] = z;
        }

        var classes = new List<NodeClass>();
        var classByKey = new Dictionary<string, NodeClass>(StringComparer.Ordinal);
        for (var i = 0; i < NodeCount; i++)
        {
            var node = nodes[i];
            NodeIds[i] = node.Id;
            NodeHashes[i] = StableHash.Of(node.Id);
            _nodeIndex[node.Id] = i;
            ZoneOf[i] = node.Zone.Length > 0 ? zoneIndex[node.Zone] : -1;
            Capacity.Set(i, node.Capacity);
            Allocated.Set(i, node.Allocated);
            CapacityReciprocal.Set(i, new ResourceVector(
                Reciprocal(node.Capacity.CpuMillicores), Reciprocal(node.Capacity.MemoryBytes),
                Reciprocal(node.Capacity.DiskBytes), Reciprocal(node.Capacity.BandwidthBitsPerSecond)));

            var key = NodeClassKey.Of(node);
            if (!classByKey.TryGetValue(key, out var nodeClass))
            {
                nodeClass = new NodeClass(classes.Count, node, ZoneOf[i]);
                classByKey[key] = nodeClass;
                classes.Add(nodeClass);
            }

            nodeClass.NodeCount++;
            NodeClassOf[i] = nodeClass.Index;
        }

        Classes = classes.ToArray();
        HasPreferNoScheduleTaints = Classes.Any(c => c.Taints.Any(t => t.Effect == TaintEffect.PreferNoSchedule));
        RoundRobinCursor = snapshot.RoundRobinCursor;
        _latency = new LatencyIndex(snapshot.Latency, _nodeIndex, zoneIndex, ZoneOf);
        LoadInstances(snapshot.Instances);
    }

    /// <summary>Fixed-point scale of <see cref="CapacityReciprocal"/>: <c>ceil((100 &lt;&lt; 56) / capacity)</c>.</summary>
    /// <remarks>
    /// 56 bits keep the reciprocal of any capacity ≥ 1 in a <see cref="long"/> and make the error of
    /// <c>used * reciprocal &gt;&gt; 56</c> below 1e-4 percent for a petabyte; rounding the reciprocal up
    /// makes exact percentages come out exact.
    /// </remarks>
    public const int ReciprocalShift = 56;

    /// <summary>Number of nodes.</summary>
    public int NodeCount { get; }

    /// <summary>Node ids in ordinal order; a node's position is its ordinal everywhere in the scheduler.</summary>
    public string[] NodeIds { get; }

    /// <summary>Stable hash of each node id (for tie-breaks).</summary>
    public ulong[] NodeHashes { get; }

    /// <summary>Class ordinal of each node.</summary>
    public int[] NodeClassOf { get; }

    /// <summary>Zone ordinal of each node, -1 when it has none.</summary>
    public int[] ZoneOf { get; }

    /// <summary>Distinct zones in ordinal order.</summary>
    public string[] Zones { get; }

    /// <summary>Node classes.</summary>
    public NodeClass[] Classes { get; }

    /// <summary>True when some node has a PreferNoSchedule taint (otherwise taint scoring is skipped).</summary>
    public bool HasPreferNoScheduleTaints { get; }

    /// <summary>Schedulable capacity per node.</summary>
    public ResourceColumns Capacity { get; }

    /// <summary>Allocated resources per node, updated on every placement and eviction.</summary>
    public ResourceColumns Allocated { get; }

    /// <summary>Per-node fixed-point reciprocals of capacity (see <see cref="Percentage"/>), so utilization needs a multiply instead of a divide.</summary>
    public ResourceColumns CapacityReciprocal { get; }

    /// <summary>Round-robin cursor (a node ordinal modulo <see cref="NodeCount"/>).</summary>
    public long RoundRobinCursor { get; set; }

    /// <summary>The ordinal of node <paramref name="nodeId"/>, or -1.</summary>
    public int IndexOfNode(string nodeId) => _nodeIndex.TryGetValue(nodeId, out var index) ? index : -1;

    /// <summary>Free resources of node <paramref name="node"/>.</summary>
    public ResourceVector Free(int node) => Capacity.Get(node) - Allocated.Get(node);

    /// <summary>Replaces a node's allocation with the live value a binding target reported.</summary>
    public void RefreshAllocated(int node, ResourceVector liveAllocated) => Allocated.Set(node, liveAllocated);

    /// <summary><c>floor(used * 100 / capacity)</c> computed from the precomputed reciprocal (one 128-bit multiply, no divide).</summary>
    public static long Percentage(long used, long reciprocal)
    {
        var high = Math.BigMul((ulong)used, (ulong)reciprocal, out var low);
        return (long)((high << (64 - ReciprocalShift)) | (low >> ReciprocalShift));
    }

    private static long Reciprocal(long capacity)
    {
        if (capacity <= 0)
        {
            return 0;
        }

        const ulong scaled = 100UL << ReciprocalShift;
        var c = (ulong)capacity;
        return (long)((scaled / c) + (scaled % c == 0 ? 0UL : 1UL));
    }
}
