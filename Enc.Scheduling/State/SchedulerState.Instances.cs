namespace Enc.Scheduling.State;

public sealed partial class SchedulerState
{
    private readonly List<InstanceRecord> _instances = [];
    private readonly Dictionary<string, int> _instanceIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkloadPlacements> _workloads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, List<int>>> _labelIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Namespace, string Key, string Value), LabelDomainCounts> _labelCounts = [];
    private List<int>[] _instancesOnNode = [];
    private readonly LatencyIndex _latency;

    /// <summary>All instance records ever known to this state (evicted ones have <see cref="InstanceRecord.Alive"/> false).</summary>
    public IReadOnlyList<InstanceRecord> Instances => _instances;

    /// <summary>Latency lookups between nodes.</summary>
    public LatencyIndex Latency => _latency;

    /// <summary>Instance ordinals on node <paramref name="node"/> (check <see cref="InstanceRecord.Alive"/>).</summary>
    public IReadOnlyList<int> InstancesOnNode(int node) => _instancesOnNode[node];

    /// <summary>Placements of workload <paramref name="workloadId"/>, or <see langword="null"/> when it has none.</summary>
    public WorkloadPlacements? Workload(string workloadId) => _workloads.GetValueOrDefault(workloadId);

    /// <summary>Live instances of namespace <paramref name="ns"/> labelled <paramref name="key"/>=<paramref name="value"/>, per node and zone; null when there never were any.</summary>
    public LabelDomainCounts? LabelCounts(string ns, string key, string value) => _labelCounts.GetValueOrDefault((ns, key, value));

    /// <summary>The ordinal of instance <paramref name="instanceId"/>, or -1.</summary>
    public int IndexOfInstance(string instanceId) => _instanceIndex.TryGetValue(instanceId, out var index) ? index : -1;

    /// <summary>
    /// Records a placement: allocates the resources on the node and updates the label, workload and zone indexes.
    /// </summary>
    /// <returns>The new instance's ordinal.</returns>
    public int Assume(RunningInstance instance)
    {
        var node = IndexOfNode(instance.NodeId);
        if (node < 0)
        {
            throw new ArgumentException($"Instance '{instance.Id}' names unknown node '{instance.NodeId}'.", nameof(instance));
        }

        var ordinal = AddInstance(instance, node);
        Allocated.Add(node, instance.Resources);
        return ordinal;
    }

    /// <summary>Removes a live instance (preemption victim): frees its resources and updates the indexes.</summary>
    public void Evict(int instanceOrdinal)
    {
        var record = _instances[instanceOrdinal];
        if (!record.Alive)
        {
            return;
        }

        record.Alive = false;
        Allocated.Add(record.Node, default(ResourceVector) - record.Instance.Resources);
        CountLabels(record, -1);
        var placements = _workloads[record.Instance.WorkloadId];
        placements.LiveCount--;
        if (ZoneOf[record.Node] >= 0)
        {
            placements.ZoneCounts[ZoneOf[record.Node]]--;
        }
    }

    /// <summary>Undoes <see cref="Evict"/> (used to test a hypothetical eviction).</summary>
    public void Restore(int instanceOrdinal)
    {
        var record = _instances[instanceOrdinal];
        if (record.Alive)
        {
            return;
        }

        record.Alive = true;
        Allocated.Add(record.Node, record.Instance.Resources);
        CountLabels(record, +1);
        var placements = _workloads[record.Instance.WorkloadId];
        placements.LiveCount++;
        if (ZoneOf[record.Node] >= 0)
        {
            placements.ZoneCounts[ZoneOf[record.Node]]++;
        }
    }

    /// <summary>
    /// Appends to <paramref name="output"/> the live instances of namespace <paramref name="ns"/> whose labels match every expression of <paramref name="selector"/>.
    /// </summary>
    /// <remarks>
    /// Uses the label index: candidates come from the first <c>In</c> expression's values (or an
    /// <c>Exists</c> expression's key), so a term naming <c>app In [web]</c> touches only web's
    /// instances. Selectors made only of <c>NotIn</c>/<c>DoesNotExist</c> scan every instance.
    /// </remarks>
    public void CollectMatchingInstances(string ns, IReadOnlyList<LabelExpression> selector, List<int> output)
    {
        LabelExpression? exists = null;
        for (var e = 0; e < selector.Count; e++)
        {
            var expression = selector[e];
            if (expression.Operator == LabelOperator.In)
            {
                if (_labelIndex.TryGetValue(expression.Key, out var byValue))
                {
                    for (var v = 0; v < expression.Values.Count; v++)
                    {
                        if (byValue.TryGetValue(expression.Values[v], out var candidates))
                        {
                            AddMatches(ns, selector, candidates, output);
                        }
                    }
                }

                return;
            }

            if (expression.Operator == LabelOperator.Exists)
            {
                exists ??= expression;
            }
        }

        if (exists is not null)
        {
            if (_labelIndex.TryGetValue(exists.Key, out var byValue))
            {
                foreach (var candidates in byValue.Values)
                {
                    AddMatches(ns, selector, candidates, output);
                }
            }

            return;
        }

        for (var i = 0; i < _instances.Count; i++)
        {
            if (IsMatch(ns, selector, _instances[i]))
            {
                output.Add(i);
            }
        }
    }

    private void AddMatches(string ns, IReadOnlyList<LabelExpression> selector, List<int> candidates, List<int> output)
    {
        for (var c = 0; c < candidates.Count; c++)
        {
            if (IsMatch(ns, selector, _instances[candidates[c]]))
            {
                output.Add(candidates[c]);
            }
        }
    }

    private static bool IsMatch(string ns, IReadOnlyList<LabelExpression> selector, InstanceRecord record) =>
        record.Alive &&
        string.Equals(record.Instance.Namespace, ns, StringComparison.Ordinal) &&
        LabelExpression.MatchesAll(selector, record.Instance.Labels);

    private void LoadInstances(IReadOnlyList<RunningInstance> instances)
    {
        _instancesOnNode = new List<int>[NodeCount];
        for (var i = 0; i < NodeCount; i++)
        {
            _instancesOnNode[i] = [];
        }

        var sorted = instances.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        foreach (var instance in sorted)
        {
            // Node allocations already include snapshot instances, so only the indexes are updated.
            AddInstance(instance, IndexOfNode(instance.NodeId));
        }
    }

    private int AddInstance(RunningInstance instance, int node)
    {
        if (_instanceIndex.ContainsKey(instance.Id))
        {
            throw new ArgumentException($"Instance '{instance.Id}' is already placed.", nameof(instance));
        }

        var ordinal = _instances.Count;
        _instances.Add(new InstanceRecord(instance, node));
        _instanceIndex[instance.Id] = ordinal;
        _instancesOnNode[node].Add(ordinal);

        if (!_workloads.TryGetValue(instance.WorkloadId, out var placements))
        {
            placements = new WorkloadPlacements(Zones.Length);
            _workloads[instance.WorkloadId] = placements;
        }

        placements.Instances.Add(ordinal);
        placements.LiveCount++;
        if (ZoneOf[node] >= 0)
        {
            placements.ZoneCounts[ZoneOf[node]]++;
        }

        foreach (var pair in instance.Labels)
        {
            if (!_labelIndex.TryGetValue(pair.Key, out var byValue))
            {
                byValue = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                _labelIndex[pair.Key] = byValue;
            }

            if (!byValue.TryGetValue(pair.Value, out var list))
            {
                list = [];
                byValue[pair.Value] = list;
            }

            list.Add(ordinal);
        }

        CountLabels(_instances[ordinal], +1);
        return ordinal;
    }

    private void CountLabels(InstanceRecord record, int delta)
    {
        foreach (var pair in record.Instance.Labels)
        {
            var key = (record.Instance.Namespace, pair.Key, pair.Value);
            if (!_labelCounts.TryGetValue(key, out var counts))
            {
                counts = new LabelDomainCounts(Zones.Length);
                _labelCounts[key] = counts;
            }

            counts.Add(record.Node, ZoneOf[record.Node], delta);
        }
    }
}
