namespace Enc.Scheduling.Model;

/// <summary>One requirement on a label set, as in Kubernetes label selectors.</summary>
public sealed record LabelExpression
{
    /// <summary>Label key.</summary>
    public required string Key { get; init; }

    /// <summary>Operator.</summary>
    public required LabelOperator Operator { get; init; }

    /// <summary>Values for <c>In</c> and <c>NotIn</c>; must be empty for <c>Exists</c> and <c>DoesNotExist</c>.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>True when <paramref name="labels"/> satisfies this expression.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            LabelOperator.Exists => present,
            LabelOperator.DoesNotExist => !present,
            LabelOperator.In => present && Contains(value!),
            LabelOperator.NotIn => !present || !Contains(value!),
            _ => false,
        };
    }

    /// <summary>True when every expression in <paramref name="expressions"/> matches (an empty list matches everything).</summary>
    public static bool MatchesAll(IReadOnlyList<LabelExpression> expressions, IReadOnlyDictionary<string, string> labels)
    {
        for (var i = 0; i < expressions.Count; i++)
        {
            if (!expressions[i].Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    private bool Contains(string value)
    {
        for (var i = 0; i < Values.Count; i++)
        {
            if (string.Equals(Values[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
