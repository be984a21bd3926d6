namespace Enc.Scheduling.Explain;

/// <summary>One node's line in an explanation.</summary>
public sealed record NodeVerdict
{
    /// <summary>Node id.</summary>
    public required string NodeId { get; init; }

    /// <summary>Verdict.</summary>
    public required NodeVerdictKind Kind { get; init; }

    /// <summary>Rejecting plugin (empty unless rejected).</summary>
    public string Plugin { get; init; } = "";

    /// <summary>Rejection reason (empty unless rejected).</summary>
    public string Reason { get; init; } = "";

    /// <summary>Per-plugin scores (scored and selected nodes).</summary>
    public IReadOnlyList<PluginScore> Scores { get; init; } = [];

    /// <summary>Weighted total (scored and selected nodes).</summary>
    public long FinalScore { get; init; }
}
