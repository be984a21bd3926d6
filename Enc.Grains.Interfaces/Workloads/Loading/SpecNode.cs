namespace Enc.Grains.Interfaces.Workloads.Loading;

/// <summary>A format-neutral document node (YAML and JSON both load into this tree before reading).</summary>
internal abstract record SpecNode;

/// <summary>A scalar; <see cref="Value"/> is null for YAML <c>null</c>/<c>~</c> and JSON <c>null</c>.</summary>
internal sealed record SpecScalar(string? Value) : SpecNode;

/// <summary>A mapping with its keys in document order.</summary>
internal sealed record SpecMap(IReadOnlyList<KeyValuePair<string, SpecNode>> Entries) : SpecNode;

/// <summary>A sequence.</summary>
internal sealed record SpecList(IReadOnlyList<SpecNode> Items) : SpecNode;
