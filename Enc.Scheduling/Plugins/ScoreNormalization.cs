namespace Enc.Scheduling.Plugins;

/// <summary>Integer normalizations shared by score plugins (integers keep scores identical on every validator).</summary>
public static class ScoreNormalization
{
    /// <summary>The top of the score range.</summary>
    public const int MaxScore = 100;

    /// <summary>Scales non-negative raw scores so the best becomes 100 (all zero stays zero).</summary>
    public static void ScaleToMax(Span<int> scores)
    {
        var max = 0;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = max == 0 ? 0 : (int)((long)scores[i] * MaxScore / max);
        }
    }

    /// <summary>Min-max scales raw scores to 0..100; higher raw is better (equal raws become 0).</summary>
    public static void MinMax(Span<int> scores, bool lowerIsBetter)
    {
        if (scores.Length == 0)
        {
            return;
        }

        int min = int.MaxValue, max = int.MinValue;
        foreach (var s in scores)
        {
            min = Math.Min(min, s);
            max = Math.Max(max, s);
        }

        var range = (long)max - min;
        for (var i = 0; i < scores.Length; i++)
        {
            if (range == 0)
            {
                scores[i] = 0;
                continue;
            }

            var distance = lowerIsBetter ? (long)max - scores[i] : (long)scores[i] - min;
            scores[i] = (int)(distance * MaxScore / range);
        }
    }
}
