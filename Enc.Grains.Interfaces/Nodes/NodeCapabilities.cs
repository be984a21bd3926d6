namespace Enc.Grains.Interfaces.Nodes;

/// <summary>What a node can do and where it is: drivers, platform, labels and topology.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Nodes.NodeCapabilities")]
public sealed record NodeCapabilities
{
    /// <summary>Workload drivers available on the node (for example <c>process</c>, <c>docker</c>).</summary>
    [Id(0)] public required IReadOnlyList<string> Drivers { get; init; }

    /// <summary>Operating system family (for example <c>linux</c>).</summary>
    [Id(1)] public required string OperatingSystem { get; init; }

    /// <summary>Processor architecture (for example <c>x64</c>, <c>arm64</c>).</summary>
    [Id(2)] public required string Architecture { get; init; }

    /// <summary>Operator-assigned labels used by node selectors.</summary>
    [Id(3)] public required IReadOnlyDictionary<string, string> Labels { get; init; }

    /// <summary>Availability zone, or empty when not configured.</summary>
    [Id(4)] public required string Zone { get; init; }

    /// <summary>Region, or empty when not configured.</summary>
    [Id(5)] public required string Region { get; init; }
}
