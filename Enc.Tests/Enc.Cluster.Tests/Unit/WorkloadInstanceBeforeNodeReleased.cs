using Enc.Grains.Interfaces.Workloads;

namespace Enc.Cluster.Tests.Unit;

/// <summary>
/// <see cref="WorkloadInstance"/>'s wire shape before field 14 (<c>NodeReleased</c>) existed, to write an old
/// record in tests. Same field ids; a test-only alias.
/// </summary>
[GenerateSerializer]
[Alias("Enc.Tests.WorkloadInstanceBeforeNodeReleased")]
public sealed record WorkloadInstanceBeforeNodeReleased
{
    /// <summary>Field 0.</summary>
    [Id(0)] public required string InstanceId { get; init; }

    /// <summary>Field 1.</summary>
    [Id(1)] public required string WorkloadId { get; init; }

    /// <summary>Field 2.</summary>
    [Id(2)] public required long SpecVersion { get; init; }

    /// <summary>Field 3.</summary>
    [Id(3)] public required int Ordinal { get; init; }

    /// <summary>Field 4.</summary>
    [Id(4)] public required InstanceState State { get; init; }

    /// <summary>Field 5.</summary>
    [Id(5)] public string? NodeName { get; init; }

    /// <summary>Field 6.</summary>
    [Id(6)] public int? ExitCode { get; init; }

    /// <summary>Field 7.</summary>
    [Id(7)] public string? Reason { get; init; }

    /// <summary>Field 8.</summary>
    [Id(8)] public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Field 9.</summary>
    [Id(9)] public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Field 10.</summary>
    [Id(10)] public int RestartCount { get; init; }

    /// <summary>Field 11.</summary>
    [Id(11)] public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int>();

    /// <summary>Field 12.</summary>
    [Id(12)] public string? TaskId { get; init; }

    /// <summary>Field 13.</summary>
    [Id(13)] public DateTimeOffset CreatedAt { get; init; }
}
