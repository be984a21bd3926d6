namespace Enc.Grains.Interfaces.Workloads;

/// <summary>A page of an instance's output.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Workloads.InstanceLogChunk")]
public sealed record InstanceLogChunk
{
    /// <summary>Lines as "stream\ttext" pairs, in order.</summary>
    [Id(0)] public required IReadOnlyList<InstanceLogLine> Lines { get; init; }

    /// <summary>Offset to ask for next.</summary>
    [Id(1)] public required int NextOffset { get; init; }

    /// <summary>True while the task still runs (more output may come).</summary>
    [Id(2)] public required bool Running { get; init; }
}
