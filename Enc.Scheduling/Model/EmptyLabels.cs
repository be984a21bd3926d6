using System.Collections.ObjectModel;

namespace Enc.Scheduling.Model;

/// <summary>A shared, immutable empty label set.</summary>
public static class EmptyLabels
{
    /// <summary>The empty label set.</summary>
    public static IReadOnlyDictionary<string, string> Instance { get; } = ReadOnlyDictionary<string, string>.Empty;
}
