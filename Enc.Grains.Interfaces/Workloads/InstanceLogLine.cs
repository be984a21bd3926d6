namespace Enc.Grains.Interfaces.Workloads;

/// <summary>One line of an instance's output.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Workloads.InstanceLogLine")]
public sealed record InstanceLogLine
{
    /// <summary>The instance.</summary>
    [Id(0)] public required string InstanceId { get; init; }

    /// <summary>"stdout" or "stderr".</summary>
    [Id(1)] public required string Stream { get; init; }

    /// <summary>The text.</summary>
    [Id(2)] public required string Text { get; init; }
}
