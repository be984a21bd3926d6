namespace Enc.Scheduling.Plugins;

/// <summary>
/// Keeps a workload's instances spread over eligible zones: a node passes when placing there keeps
/// <c>count(zone) + 1 - min(count over eligible zones)</c> at or below the max skew.
/// </summary>
/// <remarks>
/// Eligible zones are those with at least one node whose class passed the class filters (so a zone
/// the workload may never use does not hold the minimum at zero), as Kubernetes does for
/// <c>DoNotSchedule</c> topology spread. Counts come from <see cref="WorkloadPlacements.ZoneCounts"/>,
/// updated incrementally on every placement.
/// </remarks>
public sealed class ZoneSpreadPlugin : IPreFilterPlugin, IFilterPlugin
{
    /// <summary>Plugin name.</summary>
    public const string PluginName = PluginNames.ZoneSpread;

    // Per-cycle state written in PreFilter.
    private bool _active;
    private int _minCount;
    private int _maxSkew;
    private int[]? _counts;

    /// <inheritdoc/>
    public string Name => PluginName;

    /// <inheritdoc/>
    public ClusterEventKinds RequeueOn =>
        ClusterEventKinds.NodeAdded | ClusterEventKinds.InstanceAdded | ClusterEventKinds.InstanceRemoved | ClusterEventKinds.NodeLabelsChanged;

    /// <inheritdoc/>
    public FilterStatus PreFilter(SchedulingCycle cycle)
    {
        var spread = cycle.Request.ZoneSpread;
        _active = spread is not null;
        if (spread is null)
        {
            return FilterStatus.Success;
        }

        var state = cycle.State;
        _maxSkew = spread.MaxSkew;
        _counts = state.Workload(cycle.Request.WorkloadId)?.ZoneCounts;
        _minCount = int.MaxValue;
        foreach (var nodeClass in state.Classes)
        {
            if (nodeClass.ZoneIndex >= 0 && cycle.ClassPasses(nodeClass.Index))
            {
                _minCount = Math.Min(_minCount, _counts is null ? 0 : _counts[nodeClass.ZoneIndex]);
            }
        }

        return FilterStatus.Success;
    }

    /// <inheritdoc/>
    public FilterStatus Filter(SchedulingCycle cycle, int node)
    {
        if (!_active)
        {
            return FilterStatus.Success;
        }

        var zone = cycle.State.ZoneOf[node];
        if (zone < 0)
        {
            return FilterStatus.Unresolvable(RejectionReasons.NodeHasNoZone);
        }

        var count = _counts is null ? 0 : _counts[zone];
        return Allows(count, _minCount, _maxSkew) ? FilterStatus.Success : FilterStatus.Unresolvable(RejectionReasons.ZoneSpreadSkew);
    }

    /// <summary>True when one more instance in a zone holding <paramref name="zoneCount"/> keeps the skew within <paramref name="maxSkew"/>.</summary>
    public static bool Allows(int zoneCount, int minEligibleCount, int maxSkew) => (long)zoneCount + 1 - minEligibleCount <= maxSkew;
}
