namespace Enc.Scheduling.Options;

/// <summary>Configuration of a <see cref="SchedulingPipeline"/>.</summary>
public sealed class SchedulerOptions
{
    /// <summary>Algorithm used when a request names none.</summary>
    /// <value>Defaults to <c>ResourceBased</c>.</value>
    public string DefaultAlgorithm { get; set; } = SchedulingAlgorithmNames.ResourceBased;

    /// <summary>Resource strategy used when a request names none.</summary>
    /// <value>Defaults to <c>binpack</c>.</value>
    public string DefaultResourceStrategy { get; set; } = ResourceStrategyNames.Binpack;

    /// <summary>
    /// Percentage of nodes whose feasibility is enough to stop scanning and score (1..100), or 0 for
    /// the adaptive rule <c>max(5, 50 - nodes/125)</c> percent that kube-scheduler uses.
    /// </summary>
    /// <value>Defaults to 0 (adaptive).</value>
    public int PercentageOfNodesToScore { get; set; }

    /// <summary>Lower bound of feasible nodes to find before scoring (when the cluster has that many).</summary>
    /// <value>Defaults to 50.</value>
    public int MinFeasibleNodesToScore { get; set; } = 50;

    /// <summary>Upper bound of feasible nodes to score per placement, whatever the percentage gives.</summary>
    /// <value>Defaults to 100.</value>
    /// <remarks>
    /// Like Nomad's bounded candidate limit (power of choices): past about a hundred candidates
    /// the best score barely improves while the cost grows linearly with cluster size.
    /// </remarks>
    public int MaxFeasibleNodesToScore { get; set; } = 100;

    /// <summary>Whether a pending request may evict lower-priority instances.</summary>
    /// <value>Defaults to true.</value>
    public bool EnablePreemption { get; set; } = true;

    /// <summary>How many times a placement is recomputed after the binding target reports a conflict.</summary>
    /// <value>Defaults to 3.</value>
    public int MaxBindAttempts { get; set; } = 3;

    /// <summary>Plugins in pipeline order; see <see cref="DefaultPlugins"/>.</summary>
    public IList<string> Plugins { get; set; } = DefaultPlugins();

    /// <summary>Score weights by plugin name; plugins missing here weigh 1.</summary>
    public IDictionary<string, int> ScoreWeights { get; set; } = DefaultScoreWeights();

    /// <summary>The default chain, cheapest filters first within each extension point.</summary>
    public static List<string> DefaultPlugins() =>
    [
        // Class filters: evaluated once per node class and cached per request signature.
        PluginNames.NodeStatus,
        PluginNames.NodeSelector,
        PluginNames.TaintToleration,
        PluginNames.NodeAffinity,

        // Per-node filters: four integer compares first, then index lookups.
        PluginNames.NodeResourcesFit,
        PluginNames.WorkloadAffinity,
        PluginNames.ZoneSpread,

        // Scorers (NodeAffinity, TaintToleration and WorkloadAffinity above also score).
        PluginNames.NodeResourcesAllocation,
        PluginNames.TopologyLatency,
    ];

    /// <summary>Default weights: hard-earned preferences (affinity, latency) outweigh raw packing.</summary>
    public static Dictionary<string, int> DefaultScoreWeights() => new(StringComparer.Ordinal)
    {
        [PluginNames.NodeResourcesAllocation] = 1,
        [PluginNames.NodeAffinity] = 2,
        [PluginNames.TaintToleration] = 3,
        [PluginNames.WorkloadAffinity] = 2,
        [PluginNames.TopologyLatency] = 2,
    };
}
