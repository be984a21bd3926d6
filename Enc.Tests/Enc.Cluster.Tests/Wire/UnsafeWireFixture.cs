using System.Collections;
using System.Collections.Immutable;

namespace Enc.Cluster.Tests.Wire;

/// <summary>A serialized type with members the wire rules must reject (and some they must accept), to prove the guard can fail.</summary>
[GenerateSerializer]
[Alias("Enc.Tests.UnsafeWireFixture")]
public sealed class UnsafeWireFixture
{
    /// <summary>Rejected: an interface Orleans has no by-value codec for.</summary>
    [Id(0)] public IImmutableList<string> Immutable { get; init; } = ImmutableList<string>.Empty;

    /// <summary>Rejected: a non-generic collection interface.</summary>
    [Id(1)] public IEnumerable Untyped { get; init; } = Array.Empty<string>();

    /// <summary>Rejected: anything.</summary>
    [Id(2)] public object Anything { get; init; } = "";

    /// <summary>Rejected: the collection is carried, its elements are not.</summary>
    [Id(3)] public IReadOnlyList<IComparable> Comparables { get; init; } = [];

    /// <summary>Accepted by the declared-type rule, rejected by the codec check: Orleans copies it (immutable) but cannot serialize it.</summary>
    [Id(6)] public CopyableButNotSerializable? Note { get; init; }

    /// <summary>Accepted: a collection interface Orleans carries by value.</summary>
    [Id(4)] public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Accepted: concrete types all the way down.</summary>
    [Id(5)] public Dictionary<string, int[]> Table { get; init; } = [];
}
