using System.Text;

namespace Enc.Scheduling.Plugins;

/// <summary>
/// Required node affinity (filter: at least one term must match) and preferred node affinity
/// (score: sum of the weights of matching terms, normalized to 0..100 by the best candidate).
/// </summary>
public sealed class NodeAffinityPlugin : INodeClassFilterPlugin, IScorePlugin
{
    /// <summary>Plugin name.</summary>
    public const string PluginName = PluginNames.NodeAffinity;

    // Per-cycle state, reset in PreScore: preferred-term weight sum per node class.
    private readonly NodeClassScoreCache _classScores = new();

    /// <inheritdoc/>
    public string Name => PluginName;

    /// <inheritdoc/>
    public ClusterEventKinds RequeueOn => ClusterEventKinds.NodeAdded | ClusterEventKinds.NodeLabelsChanged;

    /// <inheritdoc/>
    public FilterStatus FilterClass(SchedulingRequest request, NodeClass nodeClass) =>
        MatchesRequired(request.RequiredNodeAffinity, nodeClass.Labels) ? FilterStatus.Success : FilterStatus.Unresolvable(RejectionReasons.NodeAffinityMismatch);

    /// <inheritdoc/>
    public void AppendCacheKey(SchedulingRequest request, StringBuilder key)
    {
        foreach (var term in request.RequiredNodeAffinity)
        {
            key.Append('(');
            foreach (var expression in term.Expressions)
            {
                key.Append(expression.Key).Append(' ').Append((int)expression.Operator).Append(' ').AppendJoin(',', expression.Values).Append(';');
            }

            key.Append(')');
        }
    }

    /// <inheritdoc/>
    public bool PreScore(SchedulingCycle cycle, ReadOnlySpan<int> candidates)
    {
        if (cycle.Request.PreferredNodeAffinity.Count == 0)
        {
            return false;
        }

        _classScores.Reset(cycle.State.Classes.Length);
        return true;
    }

    /// <inheritdoc/>
    public int Score(SchedulingCycle cycle, int node) =>
        _classScores.GetOrCompute(cycle.State.Classes[cycle.State.NodeClassOf[node]], cycle.Request.PreferredNodeAffinity,
            static (terms, nodeClass) => PreferredWeight(terms, nodeClass.Labels));

    /// <inheritdoc/>
    public void Normalize(SchedulingCycle cycle, Span<int> scores) => ScoreNormalization.ScaleToMax(scores);

    /// <summary>True when <paramref name="terms"/> is empty or any term matches <paramref name="labels"/>.</summary>
    public static bool MatchesRequired(IReadOnlyList<NodeSelectorTerm> terms, IReadOnlyDictionary<string, string> labels)
    {
        if (terms.Count == 0)
        {
            return true;
        }

        for (var t = 0; t < terms.Count; t++)
        {
            if (LabelExpression.MatchesAll(terms[t].Expressions, labels))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sum of the weights of the preferred terms <paramref name="labels"/> matches.</summary>
    public static int PreferredWeight(IReadOnlyList<PreferredNodeAffinityTerm> terms, IReadOnlyDictionary<string, string> labels)
    {
        var sum = 0;
        for (var t = 0; t < terms.Count; t++)
        {
            if (LabelExpression.MatchesAll(terms[t].Term.Expressions, labels))
            {
                sum += terms[t].Weight;
            }
        }

        return sum;
    }
}
