namespace Enc.Scheduling.Explain;

/// <summary>One plugin's normalized score (0..100) for a node and the weight it carried.</summary>
/// <param name="Plugin">Plugin name.</param>
/// <param name="Score">Normalized score, 0..100.</param>
/// <param name="Weight">Weight the pipeline multiplied the score by.</param>
public sealed record PluginScore(string Plugin, int Score, int Weight);
