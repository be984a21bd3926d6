namespace Enc.Grains.Interfaces.Scheduling;

/// <summary>One scoring plugin's normalized score (0..100) for a node and the weight it carried.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Scheduling.PluginScoreEntry")]
public sealed record PluginScoreEntry
{
    /// <summary>Plugin name (e.g. <c>NodeResourcesAllocation</c>).</summary>
    [Id(0)] public required string Plugin { get; init; }

    /// <summary>Normalized score, 0..100.</summary>
    [Id(1)] public required int Score { get; init; }

    /// <summary>Weight the score was multiplied by.</summary>
    [Id(2)] public required int Weight { get; init; }
}
