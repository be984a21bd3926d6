namespace Enc.Grains.Interfaces.Scheduling;

/// <summary>One node's line in a <see cref="SchedulingExplanation"/>.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Scheduling.NodeExplanation")]
public sealed record NodeExplanation
{
    /// <summary>Node name.</summary>
    [Id(0)] public required string NodeName { get; init; }

    /// <summary>How the node fared.</summary>
    [Id(1)] public required NodeVerdictKind Verdict { get; init; }

    /// <summary>The filter (plugin) that rejected the node; empty unless rejected.</summary>
    [Id(2)] public string Filter { get; init; } = "";

    /// <summary>Why the filter rejected it; empty unless rejected.</summary>
    [Id(3)] public string Reason { get; init; } = "";

    /// <summary>Per-plugin normalized scores (scored and selected nodes).</summary>
    [Id(4)] public IReadOnlyList<PluginScoreEntry> Scores { get; init; } = [];

    /// <summary>Weighted total (scored and selected nodes).</summary>
    [Id(5)] public long Total { get; init; }
}
