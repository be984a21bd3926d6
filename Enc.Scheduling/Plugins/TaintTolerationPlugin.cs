using System.Text;

namespace Enc.Scheduling.Plugins;

/// <summary>
/// Filter: every <c>NoSchedule</c> and <c>NoExecute</c> taint must be tolerated. Score: fewer
/// untolerated <c>PreferNoSchedule</c> taints is better.
/// </summary>
public sealed class TaintTolerationPlugin : INodeClassFilterPlugin, IScorePlugin
{
    /// <summary>Plugin name.</summary>
    public const string PluginName = PluginNames.TaintToleration;

    // Per-cycle state, reset in PreScore: untolerated PreferNoSchedule count per node class.
    private readonly NodeClassScoreCache _classCounts = new();

    /// <inheritdoc/>
    public string Name => PluginName;

    /// <inheritdoc/>
    public ClusterEventKinds RequeueOn => ClusterEventKinds.NodeAdded | ClusterEventKinds.NodeTaintsChanged;

    /// <inheritdoc/>
    public FilterStatus FilterClass(SchedulingRequest request, NodeClass nodeClass) =>
        ToleratesAllHard(request.Tolerations, nodeClass.Taints) ? FilterStatus.Success : FilterStatus.Unresolvable(RejectionReasons.UntoleratedTaint);

    /// <inheritdoc/>
    public void AppendCacheKey(SchedulingRequest request, StringBuilder key)
    {
        foreach (var toleration in request.Tolerations)
        {
            key.Append(toleration.Key).Append((int)toleration.Operator).Append(toleration.Value)
               .Append(toleration.Effect is { } effect ? (int)effect : -1).Append(';');
        }
    }

    /// <inheritdoc/>
    public bool PreScore(SchedulingCycle cycle, ReadOnlySpan<int> candidates)
    {
        // Only clusters with PreferNoSchedule taints can score differently.
        if (!cycle.State.HasPreferNoScheduleTaints)
        {
            return false;
        }

        _classCounts.Reset(cycle.State.Classes.Length);
        return true;
    }

    /// <inheritdoc/>
    public int Score(SchedulingCycle cycle, int node) =>
        _classCounts.GetOrCompute(cycle.State.Classes[cycle.State.NodeClassOf[node]], cycle.Request.Tolerations,
            static (tolerations, nodeClass) => CountUntoleratedPreferNoSchedule(tolerations, nodeClass.Taints));

    /// <inheritdoc/>
    public void Normalize(SchedulingCycle cycle, Span<int> scores)
    {
        var max = 0;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = max == 0 ? ScoreNormalization.MaxScore : (max - scores[i]) * ScoreNormalization.MaxScore / max;
        }
    }

    /// <summary>True when every NoSchedule/NoExecute taint is tolerated by some toleration.</summary>
    public static bool ToleratesAllHard(IReadOnlyList<Toleration> tolerations, IReadOnlyList<Taint> taints)
    {
        for (var t = 0; t < taints.Count; t++)
        {
            var taint = taints[t];
            if (taint.Effect != TaintEffect.PreferNoSchedule && !IsTolerated(tolerations, taint))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Number of PreferNoSchedule taints no toleration matches.</summary>
    public static int CountUntoleratedPreferNoSchedule(IReadOnlyList<Toleration> tolerations, IReadOnlyList<Taint> taints)
    {
        var count = 0;
        for (var t = 0; t < taints.Count; t++)
        {
            if (taints[t].Effect == TaintEffect.PreferNoSchedule && !IsTolerated(tolerations, taints[t]))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>True when some toleration matches <paramref name="taint"/>.</summary>
    public static bool IsTolerated(IReadOnlyList<Toleration> tolerations, Taint taint)
    {
        for (var i = 0; i < tolerations.Count; i++)
        {
            if (tolerations[i].Tolerates(taint))
            {
                return true;
            }
        }

        return false;
    }
}
