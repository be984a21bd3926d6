namespace Enc.Scheduling.Framework;

/// <summary>Scores feasible nodes.</summary>
/// <remarks>
/// Called after the scan with the feasible candidates. <see cref="PreScore"/> returns false when the
/// plugin has nothing to say for this request (it is then skipped and contributes nothing). Scores are
/// 0..100 after normalization; the pipeline multiplies them by the plugin's weight and sums.
/// </remarks>
public interface IScorePlugin : ISchedulerPlugin
{
    /// <summary>Prepares scoring for the candidates; false to skip this plugin for the cycle.</summary>
    bool PreScore(SchedulingCycle cycle, ReadOnlySpan<int> candidates);

    /// <summary>Raw score of one candidate node.</summary>
    int Score(SchedulingCycle cycle, int node);

    /// <summary>Maps the raw scores of all candidates to 0..100 in place (identity when scores already are).</summary>
    void Normalize(SchedulingCycle cycle, Span<int> scores);
}
